import * as testing from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { BOT_A, SECRET } from './support.ts'

const HEADER = 'x-telegram-bot-api-secret-token'
const NOW = Date.UTC(2026, 0, 15, 12, 0, 0)
const now = () => NOW
const text = (body: Uint8Array) => new TextDecoder().decode(body)
const json = (body: Uint8Array) => JSON.parse(text(body)) as Record<string, unknown>

describe('testing.telegram builders', () => {
  it('build a compact JSON update POSTed to / with the secret token header', async () => {
    const sent = await testing.telegram.message({ secret: SECRET, updateId: 918273645, now })
    expect(sent).toMatchObject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json', [HEADER]: SECRET },
    })
    expect(text(sent.body)).toBe(
      '{"update_id":918273645,"message":{"message_id":42,"from":{"id":123456789,"is_bot":false,"first_name":"Ana","username":"ana","language_code":"pt"},"chat":{"id":123456789,"type":"private","first_name":"Ana","username":"ana"},"date":1768478400,"text":"/start hello","entities":[{"offset":0,"length":6,"type":"bot_command"}]}}',
    )
  })

  it('post to /<botToken> with the token colon as it is', async () => {
    expect((await testing.telegram.message({ secret: SECRET, botToken: BOT_A })).url).toBe(
      `/${BOT_A}`,
    )
  })

  it('give every update a fresh update_id unless one is asked for', async () => {
    const ids = new Set<unknown>()
    for (let index = 0; index < 5; index++) {
      ids.add(json((await testing.telegram.poll({ secret: SECRET })).body).update_id)
    }
    expect(ids.size).toBe(5)
    const again = await testing.telegram.poll({ secret: SECRET, updateId: 12 })
    expect(json(again.body).update_id).toBe(12)
  })

  it('repeat a delivery exactly when called with the same options', async () => {
    const options = { secret: SECRET, updateId: 99, now }
    expect(await testing.telegram.callbackQuery(options)).toEqual(
      await testing.telegram.callbackQuery(options),
    )
  })

  it('change exactly one character of the secret header with tamper, and not the body', async () => {
    const honest = await testing.telegram.message({ secret: SECRET, updateId: 1, now })
    const forged = await testing.telegram.message({
      secret: SECRET,
      updateId: 1,
      now,
      tamper: true,
    })
    const sentSecret = String(forged.headers[HEADER])
    expect(sentSecret).toHaveLength(SECRET.length)
    expect([...sentSecret].filter((char, index) => char !== SECRET[index])).toHaveLength(1)
    expect(forged.body).toEqual(honest.body)
  })

  it('leave the secret header out with unsigned', async () => {
    const sent = await testing.telegram.message({ secret: SECRET, unsigned: true })
    expect(sent.headers).not.toHaveProperty(HEADER)
  })

  it('date the update age seconds into the past', async () => {
    const sent = await testing.telegram.message({ secret: SECRET, now, age: 3600 })
    expect(json(sent.body)).toMatchObject({ message: { date: NOW / 1000 - 3600 } })
  })

  it('take the text, chat, user, data and query they name', async () => {
    const message = json(
      (await testing.telegram.message({ secret: SECRET, text: 'hi', chatId: -100, userId: 5 }))
        .body,
    )
    expect(message).toMatchObject({
      message: { text: 'hi', chat: { id: -100, type: 'supergroup' }, from: { id: 5 } },
    })
    expect(message.message).not.toHaveProperty('entities')
    const callback = json(
      (await testing.telegram.callbackQuery({ secret: SECRET, data: 'page:2' })).body,
    )
    expect(callback).toMatchObject({ callback_query: { data: 'page:2' } })
    const inline = json(
      (await testing.telegram.inlineQuery({ secret: SECRET, query: 'dogs' })).body,
    )
    expect(inline).toMatchObject({ inline_query: { query: 'dogs' } })
  })

  it('set any other field with fields', async () => {
    const sent = await testing.telegram.message({
      secret: SECRET,
      fields: { text: undefined, caption: 'a photo' },
    })
    expect(json(sent.body)).toMatchObject({ message: { caption: 'a photo' } })
    expect(json(sent.body).message).not.toHaveProperty('text')
  })

  it('export only builder functions, one per update type', () => {
    for (const [name, value] of Object.entries(testing.telegram)) {
      expect(value, name).toBeTypeOf('function')
    }
    expect(Object.keys(testing.telegram)).toHaveLength(26)
  })
})
