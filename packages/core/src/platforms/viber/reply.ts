import type { Delivery } from '../../deliver.ts'
import type { EventContext } from '../../platform.ts'
import { jsonResponse, type WebhookResponse } from '../../request.ts'
import { toMessageBody, type ViberMessage } from './message.ts'

/** A welcome message, made by `welcome()`: what a `conversation_started` handler returns. */
export interface WelcomeMessage {
  readonly kind: 'viber.welcome'
  /** The `send_message` body without `receiver`, checked and with `type` filled in. */
  readonly message: Readonly<Record<string, unknown>>
}

/**
 * Builds the welcome message a `conversation_started` handler returns: the one message Viber
 * lets a bot send a user who has not subscribed, carried in the answer to that callback. It takes
 * a `send_message` body without `receiver`: `sender` ({ name of 1 to 28 characters, avatar? }),
 * `type` (`'text'` by default; also picture, video, file, contact, location, url, sticker,
 * rich_media with their fields), `tracking_data` (at most 4000 characters), `keyboard`,
 * `min_api_version`. The caller's object is copied, never changed.
 *
 * @throws TypeError naming the field when a required field is missing or a limit is exceeded.
 * @example
 * ```ts
 * webhook.on('conversation_started', ({ payload }) =>
 *   welcome({ sender: { name: 'Weather bot' }, text: `Hi ${payload.user.name}!` }),
 * )
 * ```
 */
export function welcome(message: ViberMessage): WelcomeMessage {
  return Object.freeze({
    kind: 'viber.welcome',
    message: Object.freeze(toMessageBody('welcome', message)),
  })
}

const EMPTY_200: WebhookResponse = Object.freeze({ status: 200, headers: {}, body: '' })

/** Viber's acknowledgement: exactly 200 with an empty body, the one answer it does not retry. */
export function ack(): WebhookResponse {
  return EMPTY_200
}

/**
 * Encodes a handler's value. Only the answer to `conversation_started` may carry a message, so a
 * value returned for any other event is dropped and the answer is the plain 200 (Viber ignores
 * a body there, and anything else would be retried). Nothing is kept between calls.
 *
 * @throws TypeError when a `conversation_started` handler returned something `welcome()` did not make.
 */
export function encodeReply(value: WelcomeMessage, context: EventContext): WebhookResponse {
  if (context.name !== 'conversation_started') return EMPTY_200
  if (!isWelcome(value)) {
    throw new TypeError('viber: a conversation_started handler must return welcome(...) or nothing')
  }
  return jsonResponse(200, value.message)
}

/**
 * Runs a delivery as the webhook's `respond` option says, except that `conversation_started`
 * always runs before the answer: its welcome message can travel nowhere else.
 */
export async function deliverViber(
  context: EventContext,
  delivery: Delivery<WelcomeMessage>,
): Promise<WebhookResponse> {
  if (delivery.respond === 'ack-first' && context.name !== 'conversation_started') {
    delivery.background(delivery.run().catch(() => undefined))
    return EMPTY_200
  }
  return delivery.answer()
}

function isWelcome(value: unknown): value is WelcomeMessage {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as WelcomeMessage).kind === 'viber.welcome'
  )
}
