import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { readFileSync } from 'node:fs'
import { createWebhook, type WebhookRequest } from '@chathooks/core'
import {
  type CallbackPayload,
  callbackReceiver,
  type Envelope,
  type PushData,
} from '@chathooks/core/langbot'
import * as testing from '@chathooks/core/testing'
import { serve } from '@chathooks/node'

// Starts the example as `pnpm start` does, on a free port, with secrets of its own and its
// callbacks going to a callbackReceiver on 127.0.0.1; pushes signed messages over HTTP and
// checks the answers and the reply parts, in the order they arrive. Any difference, or 30 s
// passing, exits non-zero.
const inbound = 'smoke-test-inbound-secret'
const outbound = 'smoke-test-outbound-secret'

// The caller's end: every verified part, in arrival order; `turnEnded` once the final one came.
const parts: CallbackPayload[] = []
let endTurn = () => {}
const turnEnded = new Promise<void>((resolve) => {
  endTurn = resolve
})
const receiver = createWebhook(callbackReceiver({ secret: outbound })).on(
  'reply',
  ({ payload }) => {
    parts.push(payload)
    if (payload.is_final) endTurn()
  },
)
const callbacks = await serve({ '/callback': receiver }, { port: 0 })

try {
  await withExample({
    env: {
      LB_INBOUND_SECRET: inbound,
      LB_OUTBOUND_SECRET: outbound,
      LB_CALLBACK_URL: `${callbacks.url}/callback`,
    },
    test: async (origin) => {
      const url = `${origin}/langbot`
      const push = await testing.langbot.push({ secret: inbound, text: 'Export fails' })
      const accepted = await send(url, push)
      const replyTo = accepted.body.data?.accepted_message_id ?? ''
      assert.match(replyTo, /^in_[0-9a-f]{32}$/)
      assert.deepEqual(accepted, {
        status: 202,
        body: {
          code: 0,
          msg: 'accepted',
          data: { session_id: 'ticket-10293', accepted_message_id: replyTo, aggregating: false },
        },
      })
      console.info('ok - a signed push is answered 202 at once')

      await turnEnded
      const texts = [
        'Looking into it…',
        'About "',
        'Export fails',
        '": ',
        'the export timed out, ',
        'it works again now.',
        'Anything else?',
      ]
      const last = texts.length - 1
      assert.deepEqual(
        parts.map(({ sequence, reply_to, stream, is_final, message }) => ({
          sequence,
          reply_to,
          stream,
          is_final,
          message,
        })),
        texts.map((text, index) => ({
          sequence: index + 1,
          reply_to: replyTo,
          stream: index > 0 && index < last,
          is_final: index === last,
          message: [{ type: 'Plain', text }],
        })),
      )
      console.info(`ok - its ${texts.length} reply parts arrive in order, the last one final`)

      assert.deepEqual(await send(url, push), {
        status: 409,
        body: { code: 40901, msg: 'Idempotency key already accepted', data: null },
      })
      console.info('ok - the same push again is refused as a duplicate')
      const stale = await testing.langbot.push({ secret: inbound, age: 301 })
      assert.deepEqual(await send(url, stale), {
        status: 401,
        body: {
          code: 40101,
          msg: 'X-LB-Timestamp is not within 300 s of the current time',
          data: null,
        },
      })
      console.info('ok - a push signed more than 300 s ago is refused')
    },
  })
} finally {
  await callbacks.close()
}
/** Sends one request below `base`: the status and LangBot's envelope. */
async function send(base: string, request: WebhookRequest) {
  const response = await fetch(below(base, request), {
    signal: AbortSignal.timeout(5_000),
  })
  return { status: response.status, body: (await response.json()) as Envelope<PushData> }
}

/** The request as a platform sends it to the webhook mounted at `base`: `/` is `base` itself. */
function below(base: string, request: WebhookRequest): Request {
  return testing.toRequest({ ...request, url: base + (request.url === '/' ? '' : request.url) })
}

interface Run {
  readonly env: Readonly<Record<string, string>>
  readonly test: (origin: string) => Promise<void>
}

/**
 * Runs the example's `start` script from package.json, exactly what `pnpm start` runs, on port 0;
 * hands `test` the origin it prints, then stops it with SIGTERM and expects exit code 0. A child
 * still running after 30 s is killed and the smoke test fails.
 */
async function withExample({ env, test }: Run): Promise<void> {
  const manifest = readFileSync(`${import.meta.dirname}/package.json`, 'utf8')
  const [command = '', ...args] = (JSON.parse(manifest) as Manifest).scripts.start.split(' ')
  const child = spawn(command, args, {
    cwd: import.meta.dirname,
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = once(child, 'exit') as Promise<[number | null]>
  const deadline = setTimeout(() => {
    child.kill('SIGKILL')
    console.error('smoke: not done within 30 s')
    process.exit(1)
  }, 30_000)
  const stop = async () => {
    child.kill('SIGTERM')
    const [code] = await exited
    clearTimeout(deadline)
    return code
  }
  const origin = new Promise<string>((resolve, reject) => {
    let output = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk
      const url = /listening on (http:\/\/[\w.:[\]]+)/.exec(output)?.[1]
      if (url !== undefined) resolve(url)
    })
    void exited.then(([code]) => reject(new Error(`the example exited (${code}):\n${output}`)))
  })
  try {
    await test(await origin)
  } catch (error) {
    await stop()
    throw error
  }
  assert.equal(await stop(), 0, 'the example exits 0 on SIGTERM')
  console.info('ok - the example shuts down cleanly on SIGTERM')
}

interface Manifest {
  readonly scripts: { readonly start: string }
}
