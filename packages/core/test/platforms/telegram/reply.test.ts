import { createWebhook } from '@chathooks/core'
import { reply, type TelegramMethod, telegram } from '@chathooks/core/telegram'
import * as testing from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { quietLogger, SECRET } from './support.ts'

const bot = () => createWebhook(telegram({ secretToken: SECRET }))

describe('reply builders', () => {
  it('build sendMessage as the method and its parameters', () => {
    const keyboard = { inline_keyboard: [[{ text: 'Yes', callback_data: 'vote:yes' }]] }
    expect(
      reply.sendMessage({ chat_id: 123456789, text: 'Pick one:', reply_markup: keyboard }),
    ).toEqual({
      method: 'sendMessage',
      chat_id: 123456789,
      text: 'Pick one:',
      reply_markup: keyboard,
    })
  })

  it('build answerCallbackQuery', () => {
    expect(
      reply.answerCallbackQuery({ callback_query_id: '4382bfdwdsb323b2d9', text: 'Saved' }),
    ).toEqual({
      method: 'answerCallbackQuery',
      callback_query_id: '4382bfdwdsb323b2d9',
      text: 'Saved',
    })
  })

  it('build any other method by name', () => {
    expect(reply.method('sendChatAction', { chat_id: -1001234567890, action: 'typing' })).toEqual({
      method: 'sendChatAction',
      chat_id: -1001234567890,
      action: 'typing',
    })
    expect(reply.method('close')).toEqual({ method: 'close' })
  })

  it('return a new object each time and leave the parameters alone', () => {
    const params = { chat_id: 1, text: 'hi' }
    const first = reply.sendMessage(params)
    expect(reply.sendMessage(params)).not.toBe(first)
    expect(params).toEqual({ chat_id: 1, text: 'hi' })
    expect(Object.isFrozen(reply)).toBe(true)
  })

  it.each([
    ['sendMessage without text', () => reply.sendMessage({ chat_id: 1 } as never), '"text"'],
    ['sendMessage with empty text', () => reply.sendMessage({ chat_id: 1, text: '' }), '"text"'],
    ['sendMessage without chat_id', () => reply.sendMessage({ text: 'hi' } as never), '"chat_id"'],
    [
      'sendMessage with a fractional chat_id',
      () => reply.sendMessage({ chat_id: 1.5, text: 'hi' }),
      '"chat_id"',
    ],
    [
      'sendMessage with an empty chat_id',
      () => reply.sendMessage({ chat_id: '', text: 'hi' }),
      '"chat_id"',
    ],
    [
      'sendMessage with a method field',
      () => reply.sendMessage({ chat_id: 1, text: 'hi', method: 'x' } as never),
      '"method"',
    ],
    [
      'answerCallbackQuery without its id',
      () => reply.answerCallbackQuery({} as never),
      '"callback_query_id"',
    ],
    ['method without a name', () => reply.method(''), 'method name'],
    ['method with a path as name', () => reply.method('../getMe'), 'method name'],
    [
      'method with a method parameter',
      () => reply.method('sendMessage', { method: 'deleteWebhook' }),
      '"method"',
    ],
    ['method with a list as parameters', () => reply.method('getMe', [] as never), 'object'],
  ])('throw a TypeError on %s', (_, build, mention) => {
    expect(build).toThrow(TypeError)
    expect(build).toThrow(mention)
  })
})

describe.each(entries)('replies through %s', (_, send) => {
  it('sends the method a handler returns as application/json with 200', async () => {
    const webhook = bot().on('message', ({ payload }) =>
      reply.sendMessage({
        chat_id: payload.message.chat.id,
        text: `echo: ${payload.message.text}`,
      }),
    )
    const answer = await send(
      webhook,
      await testing.telegram.message({ secret: SECRET, text: 'hi' }),
    )
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(answer.text).toBe('{"method":"sendMessage","chat_id":123456789,"text":"echo: hi"}')
  })

  it('answers a callback query', async () => {
    const webhook = bot().on('callback_query', ({ payload }) =>
      reply.answerCallbackQuery({
        callback_query_id: payload.callback_query.id,
        text: payload.callback_query.data,
      }),
    )
    const answer = await send(
      webhook,
      await testing.telegram.callbackQuery({ secret: SECRET, data: 'vote:no' }),
    )
    expect(answer).toMatchObject({
      status: 200,
      json: {
        method: 'answerCallbackQuery',
        callback_query_id: '4382bfdwdsb323b2d9',
        text: 'vote:no',
      },
    })
  })

  it('sends a generic method and non-ASCII text as it is', async () => {
    const webhook = bot().on('message', () => reply.method('sendDice', { chat_id: 1, emoji: '🎲' }))
    const answer = await send(webhook, await testing.telegram.message({ secret: SECRET }))
    expect(answer.text).toBe('{"method":"sendDice","chat_id":1,"emoji":"🎲"}')
  })

  it('leaves out parameters that are undefined', async () => {
    const webhook = bot().on('message', () =>
      reply.sendMessage({ chat_id: 1, text: 'hi', parse_mode: undefined }),
    )
    const answer = await send(webhook, await testing.telegram.message({ secret: SECRET }))
    expect(answer.text).toBe('{"method":"sendMessage","chat_id":1,"text":"hi"}')
  })

  it('answers 200 {} when the handlers return nothing', async () => {
    const handler = vi.fn()
    const answer = await send(
      bot().on('message', handler),
      await testing.telegram.message({ secret: SECRET }),
    )
    expect(answer).toMatchObject({ status: 200, text: '{}' })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('answers 200 {} when no handler is registered for the update', async () => {
    const handler = vi.fn()
    const answer = await send(
      bot().on('callback_query', handler),
      await testing.telegram.message({ secret: SECRET }),
    )
    expect(answer).toMatchObject({ status: 200, text: '{}' })
    expect(handler).not.toHaveBeenCalled()
  })

  it('answers 500 and reports a handler that returns something other than a method', async () => {
    const onError = vi.fn()
    const webhook = createWebhook(telegram({ secretToken: SECRET }), { logger: quietLogger() })
      .on('message', () => 'hello' as unknown as TelegramMethod)
      .onError(onError)
    const answer = await send(webhook, await testing.telegram.message({ secret: SECRET }))
    expect(answer).toMatchObject({ status: 500, json: { error: 'handler_failed' } })
    expect(onError).toHaveBeenCalledWith(
      expect.any(TypeError),
      expect.objectContaining({ name: 'message' }),
    )
  })

  it("answers 200 {} at once with respond: 'ack-first', whatever the handler returns later", async () => {
    const webhook = createWebhook(telegram({ secretToken: SECRET }), { respond: 'ack-first' })
    const finished = vi.fn()
    webhook.on('message', async () => {
      finished()
      return reply.sendMessage({ chat_id: 1, text: 'too late' })
    })
    const answer = await send(webhook, await testing.telegram.message({ secret: SECRET }))
    expect(answer).toMatchObject({ status: 200, text: '{}' })
    await webhook.close()
    expect(finished).toHaveBeenCalledTimes(1)
  })
})

describe.each(entries)('duplicates through %s', (_, send) => {
  it('dispatches a repeated update_id once and answers the repeat with 200 {}', async () => {
    const handler = vi.fn(() => reply.sendMessage({ chat_id: 1, text: 'once' }))
    const webhook = bot().on('message', handler)
    const first = await send(
      webhook,
      await testing.telegram.message({ secret: SECRET, updateId: 918273645 }),
    )
    const again = await send(
      webhook,
      await testing.telegram.message({ secret: SECRET, updateId: 918273645 }),
    )
    expect(first.json).toMatchObject({ method: 'sendMessage', text: 'once' })
    expect(again).toMatchObject({ status: 200, text: '{}' })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('tells updates with different ids apart, update_id 0 included', async () => {
    const handler = vi.fn()
    const webhook = bot().on('*', handler)
    for (const updateId of [0, 1, 0, 1]) {
      await send(webhook, await testing.telegram.poll({ secret: SECRET, updateId }))
    }
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('processes the retry of an update whose handler failed', async () => {
    let calls = 0
    const webhook = createWebhook(telegram({ secretToken: SECRET }), { logger: quietLogger() })
      .on('message', () => {
        calls += 1
        if (calls === 1) throw new Error('database busy')
        return reply.sendMessage({ chat_id: 1, text: 'done' })
      })
      .onError(() => undefined)
    const sent = await testing.telegram.message({ secret: SECRET, updateId: 31 })
    expect((await send(webhook, sent)).status).toBe(500)
    expect(await send(webhook, sent)).toMatchObject({ status: 200, json: { text: 'done' } })
  })

  it('does not let a refused forgery claim the update_id of the genuine delivery', async () => {
    const handler = vi.fn()
    const webhook = bot().on('*', handler)
    await send(webhook, await testing.telegram.message({ secret: SECRET, updateId: 8 }))
    const forged = await testing.telegram.message({ secret: SECRET, updateId: 9, tamper: true })
    expect((await send(webhook, forged)).status).toBe(401)
    expect(
      (await send(webhook, await testing.telegram.message({ secret: SECRET, updateId: 9 }))).status,
    ).toBe(200)
    expect(handler).toHaveBeenCalledTimes(2)
  })
})
