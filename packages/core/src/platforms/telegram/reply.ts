import { jsonResponse, type WebhookResponse } from '../../request.ts'
import type { LinkPreviewOptions, ReplyMarkup, ReplyParameters } from './markup.ts'
import type { MessageEntity } from './types.ts'

/** One Bot API call, sent as the webhook's answer: the method name and its parameters. */
export interface TelegramMethod<Name extends string = string> {
  readonly method: Name
  readonly [param: string]: unknown
}

/** The parameters of `sendMessage`; `chat_id` is a chat id or a `@channelusername`. */
export interface SendMessageParams {
  readonly chat_id: number | string
  readonly text: string
  readonly business_connection_id?: string | undefined
  readonly message_thread_id?: number | undefined
  readonly direct_messages_topic_id?: number | undefined
  readonly parse_mode?: 'HTML' | 'MarkdownV2' | 'Markdown' | undefined
  readonly entities?: readonly MessageEntity[] | undefined
  readonly link_preview_options?: LinkPreviewOptions | undefined
  readonly disable_notification?: boolean | undefined
  readonly protect_content?: boolean | undefined
  readonly allow_paid_broadcast?: boolean | undefined
  readonly message_effect_id?: string | undefined
  readonly reply_parameters?: ReplyParameters | undefined
  readonly reply_markup?: ReplyMarkup | undefined
}

/** The parameters of `answerCallbackQuery`. */
export interface AnswerCallbackQueryParams {
  readonly callback_query_id: string
  readonly text?: string | undefined
  readonly show_alert?: boolean | undefined
  readonly url?: string | undefined
  readonly cache_time?: number | undefined
}

/** A `sendMessage` call. */
export interface SendMessageMethod extends TelegramMethod<'sendMessage'>, SendMessageParams {}

/** An `answerCallbackQuery` call. */
export interface AnswerCallbackQueryMethod
  extends TelegramMethod<'answerCallbackQuery'>,
    AnswerCallbackQueryParams {}

/** The reply builders; each returns a new object and keeps no state. */
export interface TelegramReplies {
  /**
   * Sends a text message.
   *
   * @throws TypeError when `chat_id` or `text` is missing or empty.
   * @example
   * ```ts
   * reply.sendMessage({ chat_id: payload.message.chat.id, text: '<b>Hi</b>', parse_mode: 'HTML' })
   * ```
   */
  sendMessage(params: SendMessageParams): SendMessageMethod
  /**
   * Answers a callback query, stopping the button's progress indicator.
   *
   * @throws TypeError when `callback_query_id` is missing or empty.
   * @example
   * ```ts
   * reply.answerCallbackQuery({ callback_query_id: payload.callback_query.id, text: 'Saved' })
   * ```
   */
  answerCallbackQuery(params: AnswerCallbackQueryParams): AnswerCallbackQueryMethod
  /**
   * Any other Bot API method, by name, with its parameters as Telegram documents them.
   * Default `params`: none.
   *
   * @throws TypeError when the name is not a method name or `params` has a `method` field.
   * @example
   * ```ts
   * reply.method('sendChatAction', { chat_id: payload.message.chat.id, action: 'typing' })
   * ```
   */
  method<Name extends string>(
    name: Name,
    params?: Readonly<Record<string, unknown>>,
  ): TelegramMethod<Name>
}

/**
 * Builders of the one Bot API call a webhook answer may carry, so a handler never writes the
 * JSON by hand: `sendMessage`, `answerCallbackQuery`, and `method(name, params)` for the
 * rest. Telegram runs the call but reports neither its result nor its failure, so the
 * builders check the required parameters at once and throw where Telegram would fail quietly.
 *
 * @example
 * ```ts
 * webhook.on('message', ({ payload }) =>
 *   reply.sendMessage({ chat_id: payload.message.chat.id, text: 'Hello!' }),
 * )
 * ```
 */
export const reply: TelegramReplies = Object.freeze({
  sendMessage(params: SendMessageParams): SendMessageMethod {
    checkParams('sendMessage', params)
    const chatId = params.chat_id
    if (!(Number.isSafeInteger(chatId) || (typeof chatId === 'string' && chatId !== ''))) {
      throw new TypeError('reply.sendMessage: "chat_id" must be a chat id or a @channelusername')
    }
    required('sendMessage', 'text', params.text)
    return { method: 'sendMessage', ...params }
  },
  answerCallbackQuery(params: AnswerCallbackQueryParams): AnswerCallbackQueryMethod {
    checkParams('answerCallbackQuery', params)
    required('answerCallbackQuery', 'callback_query_id', params.callback_query_id)
    return { method: 'answerCallbackQuery', ...params }
  },
  method<Name extends string>(
    name: Name,
    params: Readonly<Record<string, unknown>> = {},
  ): TelegramMethod<Name> {
    if (typeof name !== 'string' || !/^[A-Za-z][A-Za-z0-9]{0,63}$/.test(name)) {
      throw new TypeError('reply.method: the name must be a Bot API method name like "sendPhoto"')
    }
    checkParams('method', params)
    return { method: name, ...params }
  },
})

function checkParams(builder: string, params: unknown): void {
  if (typeof params !== 'object' || params === null || Array.isArray(params)) {
    throw new TypeError(`reply.${builder}: the parameters must be an object`)
  }
  if (Object.hasOwn(params, 'method')) {
    throw new TypeError(`reply.${builder}: the parameters must not have a "method" field`)
  }
}

function required(builder: string, field: string, value: unknown): void {
  if (typeof value !== 'string' || value === '') {
    throw new TypeError(`reply.${builder}: "${field}" must be a non-empty string`)
  }
}

/**
 * Encodes a handler's reply: the method object as `application/json` with status 200, which
 * Telegram runs as if the bot had called it.
 *
 * @throws TypeError when a handler returned something that is not a Bot API method.
 */
export function encodeReply(value: TelegramMethod): WebhookResponse {
  const method: unknown = typeof value === 'object' && value !== null ? value.method : undefined
  if (typeof method !== 'string' || method === '') {
    throw new TypeError(
      'telegram: a handler must return a Bot API method, such as reply.sendMessage({ chat_id, text })',
    )
  }
  return jsonResponse(200, value)
}
