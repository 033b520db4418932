import { createWebhook, type WebhookRequest } from '@chathooks/core'
import { type TelegramOptions, telegram } from '@chathooks/core/telegram'
import * as testing from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { BOT_A, SECRET } from './support.ts'

const HEADER = 'x-telegram-bot-api-secret-token'

const withHeader = (req: WebhookRequest, value: string | readonly string[]): WebhookRequest => ({
  ...req,
  headers: { ...req.headers, [HEADER]: value },
})

function echo(secretToken: string | readonly string[] = SECRET) {
  const handler = vi.fn()
  const webhook = createWebhook(telegram({ secretToken })).on('*', handler)
  return { webhook, handler }
}

describe("telegram's verifiers", () => {
  // Core's secretToken and urlKey compare in constant time; the predicate is the user's own.
  it.each([
    ['a secret token', ['secretToken'], { secretToken: SECRET }],
    ['a tokens list', ['urlKey'], { tokens: [BOT_A] }],
    ['a tokens predicate', ['telegramBotToken'], { tokens: () => true }],
    [
      'tokens and a secret token',
      ['urlKey', 'secretToken'],
      { tokens: [BOT_A], secretToken: SECRET },
    ],
    ['ipAllowlist', ['ipAllowlist', 'secretToken'], { secretToken: SECRET, ipAllowlist: true }],
  ])('with %s are %j', (_, names, options) => {
    const { verify } = telegram(options as TelegramOptions)
    expect(verify.map((verifier) => verifier.name)).toEqual(names)
  })
})

describe.each(entries)('X-Telegram-Bot-Api-Secret-Token through %s', (_, send) => {
  it('accepts an update carrying the secret token', async () => {
    const { webhook, handler } = echo()
    const answer = await send(webhook, await testing.telegram.message({ secret: SECRET }))
    expect(answer).toMatchObject({ status: 200, json: {} })
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('reads the header whatever the case of its name', async () => {
    const { webhook, handler } = echo()
    const sent = await testing.telegram.message({ secret: SECRET, unsigned: true })
    const upper = testing.request({
      url: sent.url,
      headers: { 'X-Telegram-Bot-Api-Secret-Token': SECRET },
      body: sent.body,
    })
    expect((await send(webhook, upper)).status).toBe(200)
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('answers 401 signature_missing without running a handler when the header is absent', async () => {
    const { webhook, handler } = echo()
    const answer = await send(
      webhook,
      await testing.telegram.message({ secret: SECRET, unsigned: true }),
    )
    expect(answer).toMatchObject({ status: 401, json: { error: 'signature_missing' } })
    expect(handler).not.toHaveBeenCalled()
  })

  it.each([
    [
      'one character changed by the tamper option',
      async () => testing.telegram.message({ secret: SECRET, tamper: true }),
    ],
    ['another secret', async () => testing.telegram.message({ secret: 'another-secret' })],
    [
      'the secret one character short',
      async () => testing.telegram.message({ secret: SECRET.slice(0, -1) }),
    ],
    [
      'the secret with a character added',
      async () => testing.telegram.message({ secret: `${SECRET}x` }),
    ],
    [
      'the secret with its first character changed',
      async () => testing.telegram.message({ secret: `T${SECRET.slice(1)}` }),
    ],
    [
      'the secret in upper case',
      async () => testing.telegram.message({ secret: SECRET.toUpperCase() }),
    ],
    [
      'an empty header',
      async () => withHeader(await testing.telegram.message({ secret: SECRET }), ''),
    ],
    [
      'the header sent twice',
      async () => withHeader(await testing.telegram.message({ secret: SECRET }), [SECRET, SECRET]),
    ],
  ])('answers 401 signature_invalid to %s, naming no secret', async (_, build) => {
    const { webhook, handler } = echo()
    const answer = await send(webhook, await build())
    expect(answer).toMatchObject({ status: 401, json: { error: 'signature_invalid' } })
    expect(answer.text).not.toContain(SECRET.slice(0, 8))
    expect(handler).not.toHaveBeenCalled()
  })

  it('accepts every secret of a rotation list, and no other', async () => {
    const { webhook, handler } = echo(['new-secret', 'old-secret'])
    const statuses = []
    for (const secret of ['new-secret', 'old-secret', 'older-secret']) {
      statuses.push((await send(webhook, await testing.telegram.message({ secret }))).status)
    }
    expect(statuses).toEqual([200, 200, 401])
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('checks the secret before it reads the body', async () => {
    const { webhook } = echo()
    const garbage = testing.request({
      headers: { [HEADER]: 'wrong-secret' },
      body: 'not json at all',
    })
    expect(await send(webhook, garbage)).toMatchObject({
      status: 401,
      json: { error: 'signature_invalid' },
    })
  })

  it('answers 405 to a GET on the webhook path and 404 elsewhere', async () => {
    const { webhook } = echo()
    const get = testing.request({ method: 'GET', headers: { [HEADER]: SECRET } })
    expect(await send(webhook, get)).toMatchObject({ status: 405, headers: { allow: 'POST' } })
    const elsewhere = await testing.telegram.message({ secret: SECRET })
    expect((await send(webhook, { ...elsewhere, url: '/other' })).status).toBe(404)
  })
})
