import { createWebhook, type WebhookRequest } from '@chathooks/core'
import { reply, telegram } from '@chathooks/core/telegram'
import * as testing from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { fixture, SECRET } from './support.ts'

const HEADERS = { 'Content-Type': 'application/json', 'X-Telegram-Bot-Api-Secret-Token': SECRET }
const decoder = new TextDecoder()

/** The fixture's bytes as Telegram would POST them, and what the handler of its event saw. */
async function deliver(send: (typeof entries)[number][1], name: string) {
  const bytes = await fixture(name)
  const seen = vi.fn<(body: Uint8Array, payload: unknown, event: string) => void>()
  const webhook = createWebhook(telegram({ secretToken: SECRET })).on('*', (event) => {
    seen(event.request.body, event.payload, event.name)
  })
  const sent: WebhookRequest = testing.request({ headers: HEADERS, body: bytes })
  const answer = await send(webhook, sent)
  const [body, payload, event] = seen.mock.calls[0] ?? []
  return { bytes, answer, body, payload, event, calls: seen.mock.calls.length }
}

// PROTOCOLS.md's sample update, as the spec prints it.
const PROTOCOLS_SAMPLE =
  '{"update_id":918273645,"message":{"message_id":42,"from":{"id":123456789,"is_bot":false,"first_name":"Ana"},"chat":{"id":123456789,"type":"private"},"date":1718000000,"text":"/start hello","entities":[{"offset":0,"length":6,"type":"bot_command"}]}}'

describe('the fixture files', () => {
  it("hold PROTOCOLS.md's sample byte for byte, compact and without a newline", async () => {
    expect(decoder.decode(await fixture('protocols-message.json'))).toBe(PROTOCOLS_SAMPLE)
  })

  it('hold the pretty-printed one with non-ASCII text, a \\u escape and a trailing newline', async () => {
    const text = decoder.decode(await fixture('message-unicode-pretty.json'))
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toContain('\n  "message": {\n')
    expect(text).toContain('"Привет, 世界! 🦊 caf\\u00e9"')
  })
})

describe.each(entries)('fixtures through %s', (_, send) => {
  it("routes PROTOCOLS.md's sample update, byte for byte", async () => {
    const { bytes, answer, body, payload, event } = await deliver(send, 'protocols-message.json')
    expect(answer).toMatchObject({ status: 200, json: {} })
    expect(event).toBe('message')
    expect(body).toEqual(bytes)
    expect(payload).toEqual({
      update_id: 918273645,
      message: {
        message_id: 42,
        from: { id: 123456789, is_bot: false, first_name: 'Ana' },
        chat: { id: 123456789, type: 'private' },
        date: 1718000000,
        text: '/start hello',
        entities: [{ offset: 0, length: 6, type: 'bot_command' }],
      },
    })
  })

  it('gives the handler the exact bytes and text of the pretty-printed non-ASCII update', async () => {
    const { bytes, answer, body, payload, event } = await deliver(
      send,
      'message-unicode-pretty.json',
    )
    expect(answer.status).toBe(200)
    expect(event).toBe('message')
    expect(body).toEqual(bytes)
    expect(decoder.decode(body)).toBe(decoder.decode(bytes))
    expect(payload).toMatchObject({
      update_id: 918273646,
      message: {
        from: { first_name: 'Аня' },
        text: 'Привет, 世界! 🦊 café',
        sticker_set_hint: { emoji: '🦊' },
      },
    })
  })

  it("routes litegram's own test update, whose update_id is 0", async () => {
    const { answer, payload, event } = await deliver(send, 'litegram-message.json')
    expect(answer.status).toBe(200)
    expect(event).toBe('message')
    expect(payload).toMatchObject({ update_id: 0, message: { text: 'test', chat: { id: 42 } } })
  })

  it('routes a callback query with its inline keyboard message', async () => {
    const { answer, payload, event } = await deliver(send, 'callback-query.json')
    expect(answer.status).toBe(200)
    expect(event).toBe('callback_query')
    expect(payload).toMatchObject({
      callback_query: {
        data: 'vote:yes',
        message: { reply_markup: { inline_keyboard: [[{ text: 'Yes' }, { text: 'No' }]] } },
      },
    })
  })

  it('answers a fixture update with a reply built from it', async () => {
    const webhook = createWebhook(telegram({ secretToken: SECRET })).on('message', ({ payload }) =>
      reply.sendMessage({ chat_id: payload.message.chat.id, text: `${payload.message.text} 👋` }),
    )
    const body = await fixture('message-unicode-pretty.json')
    const answer = await send(webhook, testing.request({ headers: HEADERS, body }))
    expect(answer.text).toBe(
      '{"method":"sendMessage","chat_id":123456789,"text":"Привет, 世界! 🦊 café 👋"}',
    )
  })

  it('refuses a fixture sent without the secret token, whatever its bytes', async () => {
    const handler = vi.fn()
    const webhook = createWebhook(telegram({ secretToken: SECRET })).on('*', handler)
    const body = await fixture('message-unicode-pretty.json')
    const answer = await send(
      webhook,
      testing.request({ headers: { 'Content-Type': 'application/json' }, body }),
    )
    expect(answer).toMatchObject({ status: 401, json: { error: 'signature_missing' } })
    expect(handler).not.toHaveBeenCalled()
  })
})
