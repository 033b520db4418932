import { createWebhook } from '@chathooks/core'
import { TELEGRAM_UPDATE_TYPES, telegram, type UpdateType } from '@chathooks/core/telegram'
import * as testing from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { fixture, SECRET } from './support.ts'

const HEADERS = { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }
const camel = (type: string) => type.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase())
const builderOf = (type: UpdateType) =>
  (testing.telegram as unknown as Record<string, testing.telegram.UpdateBuilder>)[camel(type)]

/** A webhook with a handler for every update type and for `'*'`, recording who ran. */
function everyHandler() {
  const ran: string[] = []
  const webhook = createWebhook(telegram({ secretToken: SECRET }))
  for (const type of TELEGRAM_UPDATE_TYPES) {
    webhook.on(type, ({ name }) => {
      ran.push(`${type} handler saw ${name}`)
    })
  }
  webhook.on('*', ({ name }) => {
    ran.push(`* handler saw ${name}`)
  })
  return { webhook, ran }
}

const post = (body: string | Uint8Array) => testing.request({ headers: HEADERS, body })

describe('the update types', () => {
  it("are PROTOCOLS.md's 2026 Bot API list, each with a testing builder", () => {
    expect(TELEGRAM_UPDATE_TYPES).toHaveLength(26)
    for (const type of TELEGRAM_UPDATE_TYPES) expect(builderOf(type), type).toBeTypeOf('function')
  })

  it('have one schema each, and * has one', () => {
    const { schemas } = telegram({ secretToken: SECRET })
    expect(Object.keys(schemas ?? {}).sort()).toEqual(['*', ...TELEGRAM_UPDATE_TYPES].sort())
  })
})

describe.each(entries)('routing through %s', (_, send) => {
  it.each(TELEGRAM_UPDATE_TYPES)('routes a %s update to its handlers by name', async (type) => {
    const { webhook, ran } = everyHandler()
    const builder = builderOf(type)
    if (builder === undefined) throw new Error(`no builder for ${type}`)
    const answer = await send(webhook, await builder({ secret: SECRET }))
    expect(answer).toMatchObject({ status: 200, json: {} })
    expect(ran).toEqual([`${type} handler saw ${type}`, `* handler saw ${type}`])
  })

  it('routes an update type newer than the list to * handlers only, under its own name', async () => {
    const { webhook, ran } = everyHandler()
    const payloads: unknown[] = []
    webhook.on('*', ({ payload }) => {
      payloads.push(payload)
    })
    const answer = await send(webhook, post(await fixture('stopped-message-generation.json')))
    expect(answer).toMatchObject({ status: 200, json: {} })
    expect(ran).toEqual(['* handler saw stopped_message_generation'])
    expect(payloads).toEqual([
      {
        update_id: 918273650,
        stopped_message_generation: { chat: { id: 123456789, type: 'private' }, draft_id: 7 },
      },
    ])
  })

  it('answers 200 {} to an unknown update type nobody handles', async () => {
    const handler = vi.fn()
    const webhook = createWebhook(telegram({ secretToken: SECRET })).on('message', handler)
    const answer = await send(webhook, post('{"update_id":5,"future_thing":{"x":1}}'))
    expect(answer).toMatchObject({ status: 200, json: {} })
    expect(handler).not.toHaveBeenCalled()
  })

  it('gives an update with no field besides update_id to * handlers', async () => {
    const { webhook, ran } = everyHandler()
    expect((await send(webhook, post('{"update_id":6}'))).status).toBe(200)
    expect(ran).toEqual(['* handler saw *'])
  })

  it('names an update after its known field when an unknown one comes first', async () => {
    const { webhook, ran } = everyHandler()
    const sent = await testing.telegram.pollAnswer({ secret: SECRET, updateId: 7 })
    const body = new TextDecoder()
      .decode(sent.body)
      .replace('{"update_id":7,', '{"update_id":7,"aaa":1,')
    expect((await send(webhook, post(body))).status).toBe(200)
    expect(ran).toEqual(['poll_answer handler saw poll_answer', '* handler saw poll_answer'])
  })

  it('passes fields the schema does not name through to the handler', async () => {
    const seen = vi.fn()
    const webhook = createWebhook(telegram({ secretToken: SECRET })).on(
      'message',
      ({ payload }) => {
        seen(payload)
      },
    )
    const sent = await testing.telegram.message({
      secret: SECRET,
      fields: { photo: [{ file_id: 'AgAD', width: 90, height: 60 }], rich: { future: true } },
    })
    await send(webhook, sent)
    expect(seen).toHaveBeenCalledWith(
      expect.objectContaining({
        message: expect.objectContaining({
          photo: [{ file_id: 'AgAD', width: 90, height: 60 }],
          rich: { future: true },
        }),
      }),
    )
  })

  it.each([
    [
      'a message without its chat',
      '{"update_id":1,"message":{"message_id":1,"date":1}}',
      'message.chat',
    ],
    ['a message that is not an object', '{"update_id":1,"message":"hi"}', 'message'],
    [
      'a callback query without its id',
      '{"update_id":1,"callback_query":{"from":{"id":1,"is_bot":false,"first_name":"A"},"chat_instance":"1"}}',
      'callback_query.id',
    ],
    ['an update_id that is a string', '{"update_id":"1","future_thing":{}}', 'update_id'],
    ['a negative update_id', '{"update_id":-1}', 'update_id'],
    ['a fractional update_id', '{"update_id":1.5}', 'update_id'],
    [
      'no update_id',
      '{"message":{"message_id":1,"date":1,"chat":{"id":1,"type":"private"}}}',
      'update_id',
    ],
    ['a list', '[]', ''],
    ['a number', '42', ''],
    ['null', 'null', ''],
  ])('answers 400 invalid_payload to %s without running a handler', async (_, body, path) => {
    const { webhook, ran } = everyHandler()
    const answer = await send(webhook, post(body))
    expect(answer).toMatchObject({ status: 400, json: { error: 'invalid_payload' } })
    expect(answer.json).toMatchObject({
      issues: expect.arrayContaining([expect.objectContaining({ path })]),
    })
    expect(ran).toEqual([])
  })

  it.each([
    ['text that is not JSON', 'update_id=1'],
    ['an empty body', ''],
    ['JSON cut short', '{"update_id":1,"message":{'],
  ])('answers 400 invalid_json to %s', async (_, body) => {
    const { webhook, ran } = everyHandler()
    expect(await send(webhook, post(body))).toMatchObject({
      status: 400,
      json: { error: 'invalid_json' },
    })
    expect(ran).toEqual([])
  })

  it('answers 413 to a body over maxBodyBytes', async () => {
    const webhook = createWebhook(telegram({ secretToken: SECRET }), { maxBodyBytes: 256 })
    const sent = await testing.telegram.message({ secret: SECRET, text: 'x'.repeat(300) })
    expect(await send(webhook, sent)).toMatchObject({
      status: 413,
      json: { error: 'body_too_large' },
    })
  })
})
