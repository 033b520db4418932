import type { WebhookRequest } from '../../request.ts'
import { type DeliveryOptions, finish } from '../../testing/delivery.ts'
import { sign } from '../../testing/request.ts'

/** What every Viber sample takes besides its event's own fields. */
export interface ViberSampleOptions extends DeliveryOptions {
  /** The bot's auth token, which signs the body. */
  readonly secret: string
  /**
   * The delivery id, written as a bare JSON integer; the same value repeats a delivery.
   * Default: a fresh value beyond 2^53, where a plain `JSON.parse` loses digits.
   */
  readonly messageToken?: string | bigint
  /** Epoch milliseconds. Default: now, minus `age`. */
  readonly timestamp?: number
  /** Where the signature goes: the `X-Viber-Content-Signature` header, or `?sig=`. Default header. */
  readonly signatureIn?: 'header' | 'query'
}

/** A Viber user in a sample: any of the fields of a callback's `user` or `sender`. */
export type SampleUser = Readonly<Record<string, unknown>>

export interface UserSampleOptions extends ViberSampleOptions {
  /** Default a realistic user with id `01234567890A=`. */
  readonly user?: SampleUser
}

export interface ConversationStartedSampleOptions extends UserSampleOptions {
  /** The deep link's `context`. Default none. */
  readonly context?: string
  /** Default `false`. */
  readonly subscribed?: boolean
}

export interface MessageSampleOptions extends ViberSampleOptions {
  /** Default a realistic user with id `01234567890A=`. */
  readonly sender?: SampleUser
  /** The text of a text message. Default `'Hello!'`. */
  readonly text?: string
  /** The whole `message` object instead, for pictures, stickers, locations… */
  readonly message?: Readonly<Record<string, unknown>>
}

export interface ReceiptSampleOptions extends ViberSampleOptions {
  /** Default `01234567890A=`. */
  readonly userId?: string
}

export interface FailedSampleOptions extends ReceiptSampleOptions {
  /** Default `'failure description'`. */
  readonly desc?: string
}

const USER: SampleUser = {
  id: '01234567890A=',
  name: 'John McClane',
  avatar: 'http://avatar.example.com',
  country: 'UK',
  language: 'en',
  api_version: 10,
}

/**
 * A signed `webhook` callback, Viber's availability check after `set_webhook`.
 *
 * @example
 * ```ts
 * const response = await webhook.handle(await testing.viber.webhook({ secret: authToken }))
 * ```
 */
export function webhook(options: ViberSampleOptions): Promise<WebhookRequest> {
  return sample('webhook', options, { chat_hostname: 'SN-219_' })
}

/**
 * A signed `subscribed` callback for `user`.
 *
 * @example
 * ```ts
 * const request = await testing.viber.subscribed({ secret: authToken, user: { id: 'u1=', name: 'Zoë' } })
 * ```
 */
export function subscribed(options: UserSampleOptions): Promise<WebhookRequest> {
  return sample('subscribed', options, { user: options.user ?? USER })
}

/**
 * A signed `unsubscribed` callback for `userId`.
 *
 * @example
 * ```ts
 * const request = await testing.viber.unsubscribed({ secret: authToken, userId: 'u1=' })
 * ```
 */
export function unsubscribed(options: ReceiptSampleOptions): Promise<WebhookRequest> {
  return sample('unsubscribed', options, { user_id: options.userId ?? USER.id })
}

/**
 * A signed `conversation_started` callback, the one a welcome message answers.
 *
 * @example
 * ```ts
 * const request = await testing.viber.conversationStarted({ secret: authToken, context: 'ad-campaign' })
 * ```
 */
export function conversationStarted(
  options: ConversationStartedSampleOptions,
): Promise<WebhookRequest> {
  const context = options.context === undefined ? {} : { context: options.context }
  return sample('conversation_started', options, {
    type: 'open',
    ...context,
    user: options.user ?? USER,
    subscribed: options.subscribed ?? false,
  })
}

/**
 * A signed `message` callback: a text message by default, or the `message` given.
 *
 * @example
 * ```ts
 * const request = await testing.viber.message({ secret: authToken, text: '!weather Malé' })
 * ```
 */
export function message(options: MessageSampleOptions): Promise<WebhookRequest> {
  return sample('message', options, {
    sender: options.sender ?? USER,
    message: options.message ?? {
      type: 'text',
      text: options.text ?? 'Hello!',
      tracking_data: 'tracking data',
    },
    silent: false,
  })
}

/**
 * A signed `delivered` receipt for the message `messageToken` names.
 *
 * @example
 * ```ts
 * const request = await testing.viber.delivered({ secret: authToken, messageToken: sent.message_token })
 * ```
 */
export function delivered(options: ReceiptSampleOptions): Promise<WebhookRequest> {
  return sample('delivered', options, {
    user_id: options.userId ?? USER.id,
    chat_hostname: 'SN-CHAT-05_',
  })
}

/**
 * A signed `seen` receipt for the message `messageToken` names.
 *
 * @example
 * ```ts
 * const request = await testing.viber.seen({ secret: authToken, messageToken: sent.message_token })
 * ```
 */
export function seen(options: ReceiptSampleOptions): Promise<WebhookRequest> {
  return sample('seen', options, {
    user_id: options.userId ?? USER.id,
    chat_hostname: 'SN-CHAT-05_',
  })
}

/**
 * A signed `failed` callback for the message `messageToken` names.
 *
 * @example
 * ```ts
 * const request = await testing.viber.failed({ secret: authToken, desc: 'receiver blocked the bot' })
 * ```
 */
export function failed(options: FailedSampleOptions): Promise<WebhookRequest> {
  return sample('failed', options, {
    user_id: options.userId ?? USER.id,
    desc: options.desc ?? 'failure description',
  })
}

/** Writes the body as Viber does (event, timestamp, token first), then signs where asked. */
async function sample(
  event: string,
  options: ViberSampleOptions,
  fields: Readonly<Record<string, unknown>>,
): Promise<WebhookRequest> {
  const sentAt = Math.round((options.now ?? Date.now)() - (options.age ?? 0) * 1000)
  const head = `{"event":${JSON.stringify(event)},"timestamp":${options.timestamp ?? sentAt}`
  // Written by hand: the token goes in as a bare integer, which JSON.stringify cannot write.
  const token = `"message_token":${tokenText(options.messageToken)}`
  const rest = JSON.stringify(fields).slice(1, -1)
  const body = `${head},${token}${rest === '' ? '' : `,${rest}`}}`
  const { secret } = options
  if (options.signatureIn === 'query') {
    const url = options.unsigned === true ? '/' : `/?sig=${await sign(body, { secret })}`
    return finish({ url, body }, options, () => ({}))
  }
  return finish({ body }, options, async (bytes) => ({
    'x-viber-content-signature': await sign(bytes, { secret }),
  }))
}

function tokenText(token: string | bigint | undefined): string {
  if (token === undefined) return freshToken().toString()
  if (typeof token === 'bigint' && token >= 0n) return token.toString()
  if (typeof token === 'string' && /^(?:0|[1-9][0-9]*)$/.test(token)) return token
  throw new TypeError('viber sample: option "messageToken" must be a non-negative integer')
}

/** A random 63-bit token in [2^62, 2^63): always past 2^53, always a signed 64-bit value. */
function freshToken(): bigint {
  const [random = 0n] = crypto.getRandomValues(new BigUint64Array(1))
  return (1n << 62n) | (random >> 2n)
}
