import { fromUtf8, utf8 } from '../../crypto/codec.ts'
import type { WebhookRequest } from '../../request.ts'
import { type DeliveryOptions, finish, tamper } from '../../testing/delivery.ts'
import { SECRET_TOKEN_HEADER } from './options.ts'
import { SAMPLES } from './samples.ts'
import type { UpdateType } from './update.ts'

/** What every Telegram sample-delivery builder takes. */
export interface UpdateSampleOptions extends DeliveryOptions {
  /**
   * The secret token, sent in `X-Telegram-Bot-Api-Secret-Token`. Telegram signs no body, so
   * `tamper` changes one character of this header and `unsigned` leaves it out.
   */
  readonly secret: string
  /** The update's id; the same id again is a repeated delivery. Default: a fresh one. */
  readonly updateId?: number
  /** Sends the update to `/<botToken>`, for a webhook with `tokens`. Default: to `/`. */
  readonly botToken?: string
  /** The sender's user id. Default `123456789`. */
  readonly userId?: number
  /** Fields set over the update type's sample object, for anything the options do not name. */
  readonly fields?: Readonly<Record<string, unknown>>
}

/** Options of the builders of message-like updates. */
export interface MessageSampleOptions extends UpdateSampleOptions {
  /** Default `'/start hello'`, with its `bot_command` entity. */
  readonly text?: string
  /** Default: the user's private chat (channel updates: a channel; negative ids: a supergroup). */
  readonly chatId?: number
}

/** Options of `callbackQuery`. */
export interface CallbackQuerySampleOptions extends UpdateSampleOptions {
  /** The button's `callback_data`. Default `'vote:yes'`. */
  readonly data?: string
  /** The chat of the message with the button. Default: the user's private chat. */
  readonly chatId?: number
}

/** Options of `inlineQuery` and `chosenInlineResult`. */
export interface InlineQuerySampleOptions extends UpdateSampleOptions {
  /** Default `'cats'`. */
  readonly query?: string
}

/** A sample delivery builder: options in, an exact request out. */
export type UpdateBuilder<Options extends UpdateSampleOptions = UpdateSampleOptions> = (
  options: Options,
) => Promise<WebhookRequest>

// Fresh ids count up from a random start, so ids never repeat within a process and a repeat
// is only ever asked for.
let lastUpdateId =
  100_000_000 + ((crypto.getRandomValues(new Uint32Array(1))[0] ?? 0) % 800_000_000)

interface AnySampleOptions extends UpdateSampleOptions {
  readonly text?: string
  readonly chatId?: number
  readonly data?: string
  readonly query?: string
}

function builder(type: UpdateType): UpdateBuilder<AnySampleOptions> {
  return (options) => {
    const now = options.now ?? Date.now
    const object = SAMPLES[type]({
      date: Math.floor((now() - (options.age ?? 0) * 1000) / 1000),
      userId: options.userId ?? 123456789,
      chatId: options.chatId,
      text: options.text ?? '/start hello',
      data: options.data ?? 'vote:yes',
      query: options.query ?? 'cats',
    })
    const updateId = options.updateId ?? ++lastUpdateId
    const body = JSON.stringify({ update_id: updateId, [type]: { ...object, ...options.fields } })
    const url = options.botToken === undefined ? '/' : `/${pathSegment(options.botToken)}`
    // The body is not signed, so the secret header is what `tamper` changes.
    const secret = options.tamper === true ? fromUtf8(tamper(utf8(options.secret))) : options.secret
    return finish({ url, body }, { ...options, tamper: false }, () => ({
      [SECRET_TOKEN_HEADER]: secret,
    }))
  }
}

// Telegram calls the URL given to setWebhook, where a token's `:` stands as it is.
function pathSegment(token: string): string {
  return encodeURIComponent(token).replaceAll('%3A', ':')
}

/**
 * A `message` update: a new message in a private chat, `'/start hello'` by default. Every
 * builder here takes `secret` (required), `updateId`, `botToken`, `userId`, `fields` and the
 * delivery options `tamper`, `unsigned`, `age`, `now`.
 *
 * @example
 * ```ts
 * const response = await webhook.handle(await testing.telegram.message({ secret, text: 'hi' }))
 * ```
 */
export const message: UpdateBuilder<MessageSampleOptions> = builder('message')
/** An `edited_message` update: the sample message, edited a minute after it was sent. */
export const editedMessage: UpdateBuilder<MessageSampleOptions> = builder('edited_message')
/** A `channel_post` update: a post in a channel, sent by the channel. */
export const channelPost: UpdateBuilder<MessageSampleOptions> = builder('channel_post')
/** An `edited_channel_post` update. */
export const editedChannelPost: UpdateBuilder<MessageSampleOptions> = builder('edited_channel_post')
/** A `business_connection` update: the bot was connected to a business account. */
export const businessConnection: UpdateBuilder = builder('business_connection')
/** A `business_message` update: a message of a connected business account. */
export const businessMessage: UpdateBuilder<MessageSampleOptions> = builder('business_message')
/** An `edited_business_message` update. */
export const editedBusinessMessage: UpdateBuilder<MessageSampleOptions> =
  builder('edited_business_message')
/** A `deleted_business_messages` update: two messages deleted from a business chat. */
export const deletedBusinessMessages: UpdateBuilder = builder('deleted_business_messages')
/** A `guest_message` update: the bot was summoned as a guest in a supergroup. */
export const guestMessage: UpdateBuilder<MessageSampleOptions> = builder('guest_message')
/** A `message_reaction` update: the user reacted with 👍. */
export const messageReaction: UpdateBuilder<MessageSampleOptions> = builder('message_reaction')
/** A `message_reaction_count` update: anonymous 🔥 reactions on a channel post. */
export const messageReactionCount: UpdateBuilder<MessageSampleOptions> =
  builder('message_reaction_count')
/** An `inline_query` update, `'cats'` by default. */
export const inlineQuery: UpdateBuilder<InlineQuerySampleOptions> = builder('inline_query')
/** A `chosen_inline_result` update. */
export const chosenInlineResult: UpdateBuilder<InlineQuerySampleOptions> =
  builder('chosen_inline_result')
/** A `callback_query` update: an inline button with `callback_data` `'vote:yes'` was pressed. */
export const callbackQuery: UpdateBuilder<CallbackQuerySampleOptions> = builder('callback_query')
/** A `shipping_query` update, for an invoice with a flexible price. */
export const shippingQuery: UpdateBuilder = builder('shipping_query')
/** A `pre_checkout_query` update: 12.50 EUR. */
export const preCheckoutQuery: UpdateBuilder = builder('pre_checkout_query')
/** A `purchased_paid_media` update. */
export const purchasedPaidMedia: UpdateBuilder = builder('purchased_paid_media')
/** A `poll` update: a closed poll with three votes. */
export const poll: UpdateBuilder = builder('poll')
/** A `poll_answer` update: the user voted for the first option. */
export const pollAnswer: UpdateBuilder = builder('poll_answer')
/** A `my_chat_member` update: the user blocked the bot. */
export const myChatMember: UpdateBuilder<MessageSampleOptions> = builder('my_chat_member')
/** A `chat_member` update: the user joined a supergroup. */
export const chatMember: UpdateBuilder<MessageSampleOptions> = builder('chat_member')
/** A `chat_join_request` update: the user asked to join a supergroup. */
export const chatJoinRequest: UpdateBuilder<MessageSampleOptions> = builder('chat_join_request')
/** A `chat_boost` update: the user boosted a channel. */
export const chatBoost: UpdateBuilder<MessageSampleOptions> = builder('chat_boost')
/** A `removed_chat_boost` update. */
export const removedChatBoost: UpdateBuilder<MessageSampleOptions> = builder('removed_chat_boost')
/** A `managed_bot` update: the user created a bot managed by this one. */
export const managedBot: UpdateBuilder = builder('managed_bot')
/** A `subscription` update: the user canceled a payment subscription. */
export const subscription: UpdateBuilder = builder('subscription')
