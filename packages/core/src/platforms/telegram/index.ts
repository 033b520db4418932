import type { EventContext, Platform } from '../../platform.ts'
import { jsonResponse, type WebhookRequest, type WebhookResponse } from '../../request.ts'
import { botIdOf } from './bot-token.ts'
import {
  type TelegramMultiBotOptions,
  type TelegramOptions,
  type TelegramSingleBotOptions,
  telegramVerifiers,
} from './options.ts'
import { encodeReply, type TelegramMethod } from './reply.ts'
import { schemas } from './schema.ts'
import { type TelegramEvents, updateType } from './update.ts'

/** What each handler's event carries besides name, payload, request and params. */
export interface TelegramHelpers<BotToken extends string | undefined = string | undefined> {
  /** The bot token of the `/:token` path the update came on; `undefined` without `tokens`. */
  readonly botToken: BotToken
}

/** The Telegram preset: its events, the Bot API method a handler may return, its helpers. */
export type TelegramPlatform<BotToken extends string | undefined = string | undefined> = Platform<
  TelegramEvents,
  TelegramMethod,
  TelegramHelpers<BotToken>
>

const ACK: WebhookResponse = jsonResponse(200, {})
// Telegram keeps an undelivered update for 24 hours; a retry never comes later than that.
const ONE_DAY_MS = 24 * 60 * 60 * 1000

/**
 * The Telegram Bot API webhook preset. One bot answers on `/` and must send the `secret_token`
 * given to `setWebhook` (`X-Telegram-Bot-Api-Secret-Token`, compared in constant time);
 * several bots answer on `/:token`, where only the listed tokens (or those the predicate
 * accepts) are served and any other is the same 404 as an unknown path. Each update is routed
 * by its update type (`message`, `callback_query`...), de-duplicated by `update_id` (per bot),
 * and a handler's reply is one Bot API method sent back as JSON; without one Telegram gets
 * `200 {}`. Options: `secretToken` (required without `tokens`), `tokens` (none),
 * `ipAllowlist` (off; `true` for `TELEGRAM_IP_RANGES`).
 *
 * @throws TypeError naming the option that is unknown, missing or malformed, such as a secret
 * token outside `A-Za-z0-9_-` or longer than 256 characters.
 * @example
 * ```ts
 * const webhook = createWebhook(telegram({ secretToken: process.env.TELEGRAM_SECRET! }))
 * webhook.on('message', ({ payload }) =>
 *   reply.sendMessage({ chat_id: payload.message.chat.id, text: `You said: ${payload.message.text}` }),
 * )
 * ```
 */
export function telegram(options: TelegramMultiBotOptions): TelegramPlatform<string>
export function telegram(options: TelegramSingleBotOptions): TelegramPlatform<undefined>
export function telegram(options: TelegramOptions): TelegramPlatform
export function telegram(options: TelegramOptions): TelegramPlatform {
  const verify = telegramVerifiers(options)
  const multiBot = options.tokens !== undefined
  return {
    name: 'telegram',
    routes: [{ path: multiBot ? '/:token' : '/' }],
    verify,
    event: updateType,
    schemas,
    idempotencyKey: multiBot ? perBotKey : updateId,
    dedupeTtlMs: ONE_DAY_MS,
    ack: () => ACK,
    reply: encodeReply,
    helpers: (context) => ({ botToken: context.params.token }),
  }
}

// Runs after the schema, so `update_id` is an integer.
function updateId(payload: unknown): string {
  return String((payload as { update_id: number }).update_id)
}

// Every bot numbers its updates on its own, so bots sharing a store are told apart by their
// public id; the token itself never reaches the store.
function perBotKey(payload: unknown, _request: WebhookRequest, context: EventContext): string {
  return `${botIdOf(context.params.token ?? '')}:${updateId(payload)}`
}

export type { TelegramTokens } from './bot-token.ts'
export type {
  ForceReply,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  KeyboardButton,
  LinkPreviewOptions,
  ReplyKeyboardMarkup,
  ReplyKeyboardRemove,
  ReplyMarkup,
  ReplyParameters,
} from './markup.ts'
export type {
  TelegramMultiBotOptions,
  TelegramOptions,
  TelegramSingleBotOptions,
} from './options.ts'
export { TELEGRAM_IP_RANGES, type TelegramIpAllowlist } from './ranges.ts'
export {
  type AnswerCallbackQueryMethod,
  type AnswerCallbackQueryParams,
  reply,
  type SendMessageMethod,
  type SendMessageParams,
  type TelegramMethod,
  type TelegramReplies,
} from './reply.ts'
export type { TelegramSchemas } from './schema.ts'
export type {
  BotSubscriptionUpdated,
  BusinessConnection,
  BusinessMessagesDeleted,
  CallbackQuery,
  Chat,
  ChatBoostRemoved,
  ChatBoostSource,
  ChatBoostUpdated,
  ChatJoinRequest,
  ChatMember,
  ChatMemberUpdated,
  ChosenInlineResult,
  InlineQuery,
  ManagedBotUpdated,
  Message,
  MessageEntity,
  MessageReactionCountUpdated,
  MessageReactionUpdated,
  PaidMediaPurchased,
  Poll,
  PollAnswer,
  PreCheckoutQuery,
  ReactionType,
  ShippingAddress,
  ShippingQuery,
  User,
} from './types.ts'
export {
  TELEGRAM_UPDATE_TYPES,
  type TelegramEvents,
  type TelegramUpdate,
  type UpdateObjects,
  type UpdateOf,
  type UpdateType,
} from './update.ts'
