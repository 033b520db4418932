import { assertKnownOptions, toSecretList } from '../../internal/options.ts'
import type { Platform } from '../../platform.ts'
import { hmacSignature } from '../../verify/hmac.ts'
import { parseViberBody } from './parse.ts'
import { ack, deliverViber, encodeReply, type WelcomeMessage } from './reply.ts'
import { SCHEMAS, type ViberEvents, type ViberPayload } from './schema.ts'

export interface ViberOptions {
  /** The bot's auth token, which signs every callback; a list accepts any of them, for rotation. */
  readonly authToken: string | readonly string[]
}

/**
 * The Viber REST Bot API preset: checks `X-Viber-Content-Signature` (lowercase hex HMAC-SHA256
 * of the raw body, keyed with the auth token; the `sig` query parameter when the header is
 * absent), parses the body keeping the 64-bit `message_token` exact as a string, routes by the
 * `event` field (unknown names reach `'*'` handlers only) and answers every callback, `webhook`
 * included, with exactly 200, whether or not a handler ran. A `conversation_started` handler may
 * return `welcome(...)`; repeats of a delivery are answered 200 and not dispatched again.
 * Options: `authToken` (required; a string or a list).
 *
 * @throws TypeError when `authToken` is missing or empty, or an option is unknown.
 * @example
 * ```ts
 * const webhook = createWebhook(viber({ authToken: process.env.VIBER_AUTH_TOKEN! }))
 * webhook.on('message', ({ payload }) => console.log(payload.sender.name, payload.message.text))
 * ```
 */
export function viber(options: ViberOptions): Platform<ViberEvents, WelcomeMessage> {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(
      'viber: option "authToken" is required: a non-empty string or a list of them',
    )
  }
  assertKnownOptions('viber', options, ['authToken'])
  const authTokens = toSecretList('viber', 'authToken', options.authToken)
  return {
    name: 'viber',
    verify: [
      hmacSignature({ header: 'X-Viber-Content-Signature', secret: authTokens, query: 'sig' }),
    ],
    parse: parseViberBody,
    event: eventName,
    schemas: SCHEMAS,
    idempotencyKey,
    ack,
    reply: encodeReply,
    deliver: deliverViber,
  }
}

// An unknown name stays as sent: no typed handler can be registered for it, so only `'*'`
// handlers see it, and they see which event it was.
function eventName(payload: unknown): string {
  const event =
    typeof payload === 'object' && payload !== null ? (payload as ViberPayload).event : undefined
  return typeof event === 'string' ? event : '*'
}

// `delivered`, `seen` and `failed` carry the token of the message they report on, so one token
// arrives once per event and recipient: the key is all three, or a seen would pass for a repeat
// of its delivered.
function idempotencyKey(payload: unknown): string | undefined {
  const { event, message_token: token, user_id: userId } = payload as ViberPayload
  if (token === undefined) return undefined
  return typeof userId === 'string' ? `${event}:${token}:${userId}` : `${event}:${token}`
}

export { type ApiErrorCode, ViberApiError } from './api-error.ts'
export {
  createViberClient,
  type FetchLike,
  type SendMessageInput,
  type SendMessageResult,
  type SetWebhookInput,
  type SetWebhookResult,
  type ViberClient,
  type ViberClientOptions,
  type ViberWebhookEventType,
} from './client.ts'
export type {
  ViberKeyboard,
  ViberMessage,
  ViberMessageCommon,
  ViberMessageType,
  ViberSender,
} from './message.ts'
export { type WelcomeMessage, welcome } from './reply.ts'
export type {
  ViberContact,
  ViberConversationStartedPayload,
  ViberEvents,
  ViberFailedPayload,
  ViberIncomingMessage,
  ViberLocation,
  ViberMessagePayload,
  ViberPayload,
  ViberReceiptPayload,
  ViberSubscribedPayload,
  ViberUnsubscribedPayload,
  ViberUser,
  ViberWebhookPayload,
} from './schema.ts'
