import type { WebhookRequest } from '@chathooks/core'
import { buildSample } from '../build-sample.ts'
import type { Answer } from '../http/send-request.ts'
import { findEvent, findPlatform, type PlatformName } from '../platforms/index.ts'
import type { CallbackLog } from './callback-log.ts'
import { DEMO_SECRETS } from './secrets.ts'

/** What should come of a step: its status, and whether a handler ran. */
export interface Expectation {
  readonly status: number
  readonly handled: boolean
}

/** One request of the demo, and what should come of it. */
export interface Step {
  readonly platform: PlatformName
  /** The event column: what is sent, and how it is spoiled. */
  readonly label: string
  readonly request: () => Promise<WebhookRequest>
  readonly expect: Expectation
  /** Why the outcome is right, where it is not obvious. */
  readonly note?: string
  /** Waits for the background work the answer started; resolves with what to add to the row. */
  readonly settle?: (answer: Answer) => Promise<string>
}

type Build = () => Promise<WebhookRequest>

const OK: Expectation = { status: 200, handled: true }
const SKIPPED: Expectation = { status: 200, handled: false }
const FORGED: Expectation = { status: 401, handled: false }

/** The same request every time it is asked for: a replay sends the very bytes again. */
function once(build: Build): Build {
  let built: Promise<WebhookRequest> | undefined
  return () => {
    built ??= build()
    return built
  }
}

/** A fresh signed sample each time, built by the CLI's own `send` code. */
function sample(platform: PlatformName, event: string, fields: Record<string, unknown> = {}) {
  const found = findEvent(findPlatform(platform), event)
  return () => buildSample(found, { secret: DEMO_SECRETS[platform], ...fields })
}

function steps(platform: PlatformName, rows: readonly Omit<Step, 'platform'>[]): Step[] {
  return rows.map((row) => ({ platform, ...row }))
}

function telegram(): Step[] {
  const start = { text: '/start', updateId: 918273645 }
  const hello = once(sample('telegram', 'message', { text: 'hello', updateId: 918273646 }))
  return steps('telegram', [
    { label: 'message /start', request: sample('telegram', 'message', start), expect: OK },
    { label: 'message "hello"', request: hello, expect: OK },
    { label: 'callback_query', request: sample('telegram', 'callbackQuery'), expect: OK },
    { label: 'tampered', request: sample('telegram', 'message', { tamper: true }), expect: FORGED },
    { label: 'replayed "hello"', request: hello, expect: SKIPPED, note: 'same update_id' },
    {
      label: 'duplicate /start',
      request: sample('telegram', 'message', start),
      expect: SKIPPED,
      note: "Telegram's retry, same update_id",
    },
  ])
}

function viber(): Step[] {
  const token = { messageToken: '5741311803571721087' }
  const hello = once(sample('viber', 'message', token))
  return steps('viber', [
    {
      label: 'webhook',
      request: sample('viber', 'webhook'),
      expect: SKIPPED,
      note: 'set_webhook check',
    },
    { label: 'conversation_started', request: sample('viber', 'conversationStarted'), expect: OK },
    { label: 'subscribed', request: sample('viber', 'subscribed'), expect: OK },
    { label: 'message', request: hello, expect: OK },
    { label: 'tampered', request: sample('viber', 'message', { tamper: true }), expect: FORGED },
    { label: 'replayed message', request: hello, expect: SKIPPED, note: 'same message_token' },
    {
      label: 'duplicate message',
      request: sample('viber', 'message', token),
      expect: SKIPPED,
      note: "Viber's retry, same message_token",
    },
  ])
}

function pararam(): Step[] {
  const post = { postNo: 101 }
  const hello = once(sample('pararam', 'message', post))
  const vote = { action: 'vote', params: { option: '2' } }
  return steps('pararam', [
    { label: 'message', request: hello, expect: OK },
    { label: 'action vote', request: sample('pararam', 'action', vote), expect: OK },
    {
      label: 'wrong URL key',
      request: sample('pararam', 'message', { urlKey: 'notthis1' }),
      expect: { status: 404, handled: false },
    },
    { label: 'tampered', request: sample('pararam', 'message', { tamper: true }), expect: FORGED },
    { label: 'replayed message', request: hello, expect: SKIPPED, note: 'same chat_id:post_no' },
    {
      label: 'duplicate message',
      request: sample('pararam', 'message', post),
      expect: SKIPPED,
      note: 'post 101 again',
    },
  ])
}

function clustaar(): Step[] {
  const order = once(sample('clustaar', 'stepReached'))
  const greeting = { stepId: '5f0c1d2e3a4b5c6d7e8f9a0b', stepName: 'Greeting', text: 'Bonjour !' }
  return steps('clustaar', [
    { label: 'step_reached (order)', request: order, expect: OK },
    {
      label: 'step_reached (other)',
      request: sample('clustaar', 'stepReached', greeting),
      expect: OK,
    },
    {
      label: 'tampered',
      request: sample('clustaar', 'stepReached', { tamper: true }),
      expect: FORGED,
    },
    {
      label: 'expired (signed 60 s ago)',
      request: sample('clustaar', 'stepReached', { age: 60 }),
      expect: FORGED,
    },
    {
      label: 'duplicate (order)',
      request: order,
      expect: OK,
      note: 'no delivery id: handled again',
    },
  ])
}

function langbot(callbacks: CallbackLog): Step[] {
  const push = once(sample('langbot', 'push', { idempotencyKey: 'demo-push-1' }))
  return steps('langbot', [
    {
      label: 'push',
      request: push,
      expect: { status: 202, handled: true },
      settle: (answer) => settlePush(answer, callbacks),
    },
    {
      label: 'sync',
      request: sample('langbot', 'sync', { text: 'And the CSV?' }),
      expect: OK,
      settle: async (answer) => `→ ${segmentsIn(answer)} segments in the answer`,
    },
    { label: 'reset', request: sample('langbot', 'reset'), expect: OK },
    { label: 'tampered', request: sample('langbot', 'push', { tamper: true }), expect: FORGED },
    {
      label: 'expired (signed 10 min ago)',
      request: sample('langbot', 'push', { age: 600 }),
      expect: FORGED,
    },
    {
      label: 'duplicate push',
      request: push,
      expect: { status: 409, handled: false },
      note: 'same X-LB-Idempotency-Key',
    },
  ])
}

/** How many segments a sync's answer collapsed the turn's parts into. */
function segmentsIn(answer: Answer): number {
  const data = (JSON.parse(answer.body) as { data?: { message?: unknown[] } }).data
  return data?.message?.length ?? 0
}

/** A push is answered 202 at once; its turn's parts arrive as callbacks afterwards. */
async function settlePush(answer: Answer, callbacks: CallbackLog): Promise<string> {
  const data = (JSON.parse(answer.body) as { data?: { accepted_message_id?: string } }).data
  if (data?.accepted_message_id === undefined) return 'no accepted_message_id'
  const parts = await callbacks.turn(data.accepted_message_id, 5_000)
  return `→ ${parts.length} callbacks`
}

/**
 * Every request the demo sends, in order: each platform's main events, then for each a
 * tampered body, a replayed or expired delivery, and a duplicate. Builders run at send time,
 * so every signature is fresh.
 *
 * @example
 * ```ts
 * for (const step of demoSteps(callbacks)) await runStep(step)
 * ```
 */
export function demoSteps(callbacks: CallbackLog): Step[] {
  return [...telegram(), ...viber(), ...pararam(), ...clustaar(), ...langbot(callbacks)]
}
