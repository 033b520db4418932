import { createWebhook, type WebhookRequest } from '@chathooks/core'
import {
  type CallbackQuery,
  type Message,
  reply,
  type SendMessageMethod,
  TELEGRAM_UPDATE_TYPES,
  type TelegramMethod,
  type TelegramOptions,
  type TelegramUpdate,
  telegram,
  type UpdateOf,
  type UpdateType,
} from '@chathooks/core/telegram'
import { describe, expectTypeOf, it } from 'vitest'
import { BOT_A, SECRET } from './support.ts'

const single = () => createWebhook(telegram({ secretToken: SECRET }))

describe('telegram public types', () => {
  it('types each handler payload from its update type', () => {
    single()
      .on('message', (event) => {
        expectTypeOf(event.name).toEqualTypeOf<'message'>()
        expectTypeOf(event.payload).toEqualTypeOf<UpdateOf<'message'>>()
        expectTypeOf(event.payload.message).toEqualTypeOf<Message>()
        expectTypeOf(event.payload.message.text).toEqualTypeOf<string | undefined>()
        expectTypeOf(event.payload.message.chat.id).toEqualTypeOf<number>()
        expectTypeOf(event.request).toEqualTypeOf<WebhookRequest>()
        // @ts-expect-error a message has no field `txet`
        void event.payload.message.txet
        // @ts-expect-error a message update carries no callback_query
        void event.payload.callback_query
      })
      .on('callback_query', ({ payload }) => {
        expectTypeOf(payload.callback_query).toEqualTypeOf<CallbackQuery>()
        expectTypeOf(payload.callback_query.data).toEqualTypeOf<string | undefined>()
        expectTypeOf(payload.callback_query.from.first_name).toEqualTypeOf<string>()
      })
      .on('chat_boost', ({ payload }) => {
        expectTypeOf(payload.chat_boost.boost.source.source).toEqualTypeOf<string>()
      })
  })

  it('gives a handler of several update types the union of their events', () => {
    single().on(['message', 'edited_message'], (event) => {
      expectTypeOf(event.name).toEqualTypeOf<'message' | 'edited_message'>()
      if (event.name === 'edited_message') {
        expectTypeOf(event.payload.edited_message.edit_date).toEqualTypeOf<number | undefined>()
      }
    })
  })

  it('gives * handlers any update, with every known field optional', () => {
    single().on('*', ({ name, payload }) => {
      expectTypeOf(name).toEqualTypeOf<string>()
      expectTypeOf(payload).toEqualTypeOf<TelegramUpdate>()
      expectTypeOf(payload.update_id).toEqualTypeOf<number>()
      expectTypeOf(payload.message).toEqualTypeOf<Message | undefined>()
      expectTypeOf(payload.stopped_message_generation).toBeUnknown()
    })
  })

  it('refuses handlers for update types that do not exist', () => {
    // @ts-expect-error not an update type
    single().on('messages', () => undefined)
  })

  it('types the bot token of the event from the options', () => {
    single().on('message', ({ botToken }) => {
      expectTypeOf(botToken).toEqualTypeOf<undefined>()
    })
    createWebhook(telegram({ tokens: [BOT_A] })).on('message', ({ botToken }) => {
      expectTypeOf(botToken).toEqualTypeOf<string>()
    })
    createWebhook(telegram({ tokens: async () => true, secretToken: SECRET })).on('*', (event) => {
      expectTypeOf(event.botToken).toEqualTypeOf<string>()
    })
    const configured = (): TelegramOptions => ({ secretToken: SECRET })
    createWebhook(telegram(configured())).on('*', ({ botToken }) => {
      expectTypeOf(botToken).toEqualTypeOf<string | undefined>()
    })
  })

  it('requires a secret token unless tokens are given', () => {
    // Never called: the calls that do not compile would throw.
    const calls = [
      // @ts-expect-error neither secretToken nor tokens
      () => telegram({}),
      // @ts-expect-error only an address check
      () => telegram({ ipAllowlist: true }),
      () => telegram({ tokens: [BOT_A] }),
    ]
    void calls
  })

  it('lets handlers return only a Bot API method', () => {
    single().on('message', ({ payload }) =>
      reply.sendMessage({ chat_id: payload.message.chat.id, text: 'hi' }),
    )
    single().on('message', () => reply.method('sendDice', { chat_id: 1 }))
    // @ts-expect-error a bare text is not a method
    single().on('message', () => 'hi')
    // @ts-expect-error an object without a method is not one either
    single().on('message', () => ({ text: 'hi' }))
  })

  it('types the reply builders', () => {
    expectTypeOf(reply.sendMessage({ chat_id: 1, text: 'hi' })).toEqualTypeOf<SendMessageMethod>()
    expectTypeOf(reply.sendMessage).returns.toExtend<TelegramMethod<'sendMessage'>>()
    expectTypeOf(reply.method('sendPhoto', {})).toEqualTypeOf<TelegramMethod<'sendPhoto'>>()
    // Never called: the calls that do not compile would throw or send what Telegram refuses.
    const calls = [
      // @ts-expect-error text is required
      () => reply.sendMessage({ chat_id: 1 }),
      // @ts-expect-error parse_mode is one of Telegram's modes
      () => reply.sendMessage({ chat_id: 1, text: 'hi', parse_mode: 'markdown' }),
      // @ts-expect-error a misspelt parameter
      () => reply.sendMessage({ chat_id: 1, text: 'hi', reply_markp: {} }),
      // @ts-expect-error callback_query_id is required
      () => reply.answerCallbackQuery({ text: 'ok' }),
    ]
    void calls
  })

  it('lists the update types as UpdateType values', () => {
    expectTypeOf(TELEGRAM_UPDATE_TYPES).toEqualTypeOf<readonly UpdateType[]>()
    expectTypeOf<'guest_message'>().toExtend<UpdateType>()
  })
})
