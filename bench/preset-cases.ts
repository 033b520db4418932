import {
  type AnyWebhook,
  createWebhook,
  type EventMap,
  generic,
  type Platform,
  type WebhookRequest,
} from '@chathooks/core'
import { actions, clustaar } from '@chathooks/core/clustaar'
import { callbackReceiver, httpBot } from '@chathooks/core/langbot'
import { pararam } from '@chathooks/core/pararam'
import { reply, telegram } from '@chathooks/core/telegram'
import * as testing from '@chathooks/core/testing'
import { viber } from '@chathooks/core/viber'
import { secret } from './fixtures.ts'
import { replayOptions } from './replay-options.ts'

/** One preset's main event, with the webhooks that answer it. */
export interface PresetCase {
  readonly name: string
  readonly request: WebhookRequest
  /** The preset, with a handler that answers as a bot would. */
  readonly preset: AnyWebhook
  /** The preset's answer, and the text it must contain. */
  readonly status: number
  readonly text?: string
  /** `generic()` with the preset's own verifiers and idempotency key: no parser, no schema. */
  readonly generic: AnyWebhook
  /** Its answer's exact body: the same reply, as plain JSON. */
  readonly genericBody: string
}

// Every sample is signed and checked at this one instant, so no replay window closes mid-run.
const sentAt = Date.now()
const now = () => sentAt
const TEXT = 'Got it, looking into it.'

/**
 * The main event of every preset, each signed once; the webhooks are fresh, and their
 * handlers return what the preset's bot would (the generic one the same JSON).
 *
 * @example
 * ```ts
 * for (const { request, preset } of await presetCases()) await preset.handle(request)
 * ```
 */
export async function presetCases(): Promise<readonly PresetCase[]> {
  const telegramPlatform = telegram({ secretToken: secret })
  const viberPlatform = viber({ authToken: secret })
  const pararamPlatform = pararam({ secret })
  const clustaarPlatform = clustaar({ privateKey: secret, now })
  const receiverPlatform = callbackReceiver({ secret, now })
  const botPlatform = httpBot({
    inboundSecret: secret,
    callbackUrl: 'http://127.0.0.1/langbot/callbacks',
    fetch: delivered,
    now,
  })
  const step = { actions: [actions.sendText(TEXT)] }
  const sendMessage = { method: 'sendMessage', chat_id: 123456789, text: TEXT }
  return [
    {
      name: 'Telegram message',
      request: await testing.telegram.message({ secret, text: 'Where is my order?', now }),
      preset: webhook(telegramPlatform).on('message', ({ payload }) =>
        reply.sendMessage({ chat_id: payload.message.chat.id, text: TEXT }),
      ),
      status: 200,
      text: TEXT,
      ...bare(telegramPlatform, sendMessage),
    },
    {
      name: 'Viber message',
      request: await testing.viber.message({ secret, text: 'Where is my order?', now }),
      preset: webhook(viberPlatform).on('message', () => {}),
      status: 200,
      ...bare(viberPlatform, undefined),
    },
    {
      name: 'pararam message',
      request: await testing.pararam.message({ secret, text: 'Where is my order?', now }),
      preset: webhook(pararamPlatform).on('message', () => TEXT),
      status: 200,
      text: TEXT,
      ...bare(pararamPlatform, { text: TEXT }),
    },
    {
      name: 'Clustaar step_reached',
      request: await testing.clustaar.stepReached({ secret, text: 'Where is my order?', now }),
      preset: webhook(clustaarPlatform).on('conversation.step_reached', () => step),
      status: 200,
      text: TEXT,
      ...bare(clustaarPlatform, step),
    },
    {
      name: 'LangBot callbackReceiver reply',
      request: await testing.langbot.callback({ secret, text: TEXT, now }),
      preset: webhook(receiverPlatform).on('reply', () => {}),
      status: 200,
      ...bare(receiverPlatform, undefined),
    },
    {
      name: 'LangBot httpBot push',
      request: await testing.langbot.push({ secret, text: 'Where is my order?', now }),
      preset: webhook(botPlatform).on('message', () => TEXT),
      status: 202,
      text: 'accepted',
      ...bare(botPlatform, undefined),
    },
  ]
}

function webhook<Events extends EventMap, Reply, Helpers extends object>(
  platform: Platform<Events, Reply, Helpers>,
) {
  return createWebhook(platform, replayOptions())
}

function bare(
  platform: Pick<Platform, 'verify' | 'idempotencyKey'>,
  answer: unknown,
): Pick<PresetCase, 'generic' | 'genericBody'> {
  const { verify, idempotencyKey } = platform
  const options = idempotencyKey === undefined ? { verify } : { verify, idempotencyKey }
  return {
    generic: createWebhook(generic(options), replayOptions()).on('*', () => answer),
    genericBody: JSON.stringify(answer ?? {}),
  }
}

// httpBot's reply parts go nowhere: the callback receiver answers at once, without a network.
const NO_CONTENT = new Response(null, { status: 204 })
async function delivered(): Promise<Response> {
  return NO_CONTENT
}
