import type { WebhookRequest } from '../../request.ts'
import { type DeliveryOptions, finish } from '../../testing/delivery.ts'
import { sign } from '../../testing/request.ts'
import type { Segment, Sender } from './schema.ts'
import { HEADER, messageId, PREFIX } from './signing.ts'

interface SessionFields {
  /** Signs the request: the bot's inbound secret, or its outbound one for `callback`. */
  readonly secret: string
  /** Default `'ticket-10293'`. */
  readonly sessionId?: string
  /** Default `'person'`. */
  readonly sessionType?: 'person' | 'group'
}

interface MessageFields extends SessionFields {
  /** One `Plain` segment. Default a support question; `message` wins. */
  readonly text?: string
  readonly message?: readonly Segment[]
  /** Default Alice, `user-5567`. */
  readonly sender?: Sender
  /** `X-LB-Idempotency-Key`; repeat it to repeat a delivery. Default a fresh UUID. */
  readonly idempotencyKey?: string
}

interface CallbackFields {
  readonly secret: string
  /** Default `'ticket-10293'`. */
  readonly sessionId?: string
  /** Default a fresh `in_<32 hex>` id; with `sequence`, what makes a part a repeat. */
  readonly replyTo?: string
  /** Default 1. */
  readonly sequence?: number
  /** Default `true`. */
  readonly isFinal?: boolean
  /** Default `false`. */
  readonly stream?: boolean
  /** One `Plain` segment. Default an answer; `message` wins. */
  readonly text?: string
  readonly message?: readonly Segment[]
  /** Default the signing time, ISO 8601. */
  readonly timestamp?: string
}

const SESSION = 'ticket-10293'
const ALICE: Sender = { id: 'user-5567', name: 'Alice' }
const QUESTION = 'Export keeps failing on the dashboard.'
const ANSWER = 'Fixed. Try again now.'

async function signHeaders(secret: string, body: Uint8Array, sentAt: number) {
  const timestamp = String(Math.floor(sentAt / 1000))
  const signature = await sign([timestamp, '.', body], { secret, prefix: PREFIX })
  return { [HEADER.timestamp]: timestamp, [HEADER.signature]: signature }
}

function message(url: string, options: MessageFields & DeliveryOptions): Promise<WebhookRequest> {
  const body = JSON.stringify({
    session_id: options.sessionId ?? SESSION,
    session_type: options.sessionType ?? 'person',
    sender: options.sender ?? ALICE,
    message: options.message ?? [{ type: 'Plain', text: options.text ?? QUESTION }],
  })
  const headers = { [HEADER.idempotencyKey]: options.idempotencyKey ?? crypto.randomUUID() }
  return finish({ url, body, headers }, options, (bytes, sentAt) =>
    signHeaders(options.secret, bytes, sentAt),
  )
}

/**
 * A signed push (`POST /`) of one message, as LangBot's reference clients send it.
 *
 * @example
 * ```ts
 * const response = await webhook.handle(await langbot.push({ secret, text: 'hello' }))
 * ```
 */
export function push(options: MessageFields & DeliveryOptions): Promise<WebhookRequest> {
  return message('/', options)
}

/**
 * A signed `POST /sync`: a push whose answer waits for the turn's parts.
 *
 * @example
 * ```ts
 * const response = await webhook.handle(await langbot.sync({ secret, text: 'hello' }))
 * ```
 */
export function sync(options: MessageFields & DeliveryOptions): Promise<WebhookRequest> {
  return message('/sync', options)
}

/**
 * A signed `POST /reset` of one session.
 *
 * @example
 * ```ts
 * const response = await webhook.handle(await langbot.reset({ secret, sessionId: 'ticket-1' }))
 * ```
 */
export function reset(options: SessionFields & DeliveryOptions): Promise<WebhookRequest> {
  const body = JSON.stringify({
    session_id: options.sessionId ?? SESSION,
    session_type: options.sessionType ?? 'person',
  })
  return finish({ url: '/reset', body }, options, (bytes, sentAt) =>
    signHeaders(options.secret, bytes, sentAt),
  )
}

/**
 * A signed reply part, as a bot end POSTs it to its callback URL, for `callbackReceiver`.
 *
 * @example
 * ```ts
 * const part = await langbot.callback({ secret, replyTo: 'in_1', sequence: 2, isFinal: false })
 * ```
 */
export function callback(options: CallbackFields & DeliveryOptions): Promise<WebhookRequest> {
  // The body's timestamp is the signing time, which `finish` derives the same way.
  const sentAt = (options.now ?? Date.now)() - (options.age ?? 0) * 1000
  const body = JSON.stringify({
    session_id: options.sessionId ?? SESSION,
    reply_to: options.replyTo ?? messageId(),
    sequence: options.sequence ?? 1,
    is_final: options.isFinal ?? true,
    stream: options.stream ?? false,
    message: options.message ?? [{ type: 'Plain', text: options.text ?? ANSWER }],
    timestamp: options.timestamp ?? new Date(sentAt).toISOString(),
  })
  return finish({ body }, options, (bytes, at) => signHeaders(options.secret, bytes, at))
}
