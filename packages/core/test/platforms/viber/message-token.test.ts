import { createWebhook, type WebhookRequest } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'
import { request, sign } from '@chathooks/core/testing'
import { viber } from '@chathooks/core/viber'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { AUTH_TOKEN, fixtureRequest } from './helpers.ts'

const SENDER = '"sender":{"id":"01234567890A=","name":"John McClane"}'
const MESSAGE = '"message":{"type":"text","text":"hi"}'

/** A signed message callback whose `message_token` member is written exactly as given. */
async function withToken(token: string): Promise<WebhookRequest> {
  return signed(
    `{"event":"message","timestamp":1718000000123,"message_token":${token},${SENDER},${MESSAGE}}`,
  )
}

async function signed(body: string): Promise<WebhookRequest> {
  const signature = await sign(body, { secret: AUTH_TOKEN })
  return request({ body, headers: { 'X-Viber-Content-Signature': signature } })
}

/** A webhook that records the payload its message handler saw. */
function recording() {
  const seen = vi.fn()
  const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on('message', ({ payload }) => {
    seen(payload)
  })
  return { webhook, seen }
}

describe.each(entries)('message_token beyond 2^53 through %s', (_, send) => {
  it('reaches the handler exactly, as a string, from the fixture’s bytes', async () => {
    const { webhook, seen } = recording()
    expect((await send(webhook, await fixtureRequest('message.json'))).status).toBe(200)
    expect(seen.mock.calls[0]?.[0].message_token).toBe('5741311803571721087')
    // What a plain JSON.parse makes of the same digits.
    expect(String(JSON.parse('5741311803571721087'))).toBe('5741311803571721000')
  })

  it('keeps the pretty-printed fixture’s token exact, and leaves lookalikes elsewhere to JSON.parse', async () => {
    const { webhook, seen } = recording()
    expect((await send(webhook, await fixtureRequest('message-pretty.json'))).status).toBe(200)
    const payload = seen.mock.calls[0]?.[0]
    expect(payload.message_token).toBe('9007199254740993123')
    expect(payload.message.text).toBe('Погода в Мале? 天気は？ é "message_token": 1')
    expect(payload.message.tracking_data).toBe('{"message_token":12345678901234567890}')
    // Nested, the member is an ordinary number, rounded as JSON.parse rounds it.
    expect(payload.reply_to).toEqual({ message_token: Number('5741311803571721087') })
    expect(payload.sender.name).toBe('Зоя Ångström 🌤')
  })

  it.each([
    ['2^53 + 1', '9007199254740993', '9007199254740993'],
    ['2^63 - 1', '9223372036854775807', '9223372036854775807'],
    ['2^64 - 1', '18446744073709551615', '18446744073709551615'],
    ['zero', '0', '0'],
    ['a string already', '"5741311803571721087"', '5741311803571721087'],
    ['spaces and newlines around it', ' \n\t5741311803571721087 \r\n', '5741311803571721087'],
  ])('accepts %s and hands over its digits exactly', async (_, token, expected) => {
    const { webhook, seen } = recording()
    expect((await send(webhook, await withToken(token))).status).toBe(200)
    expect(seen.mock.calls[0]?.[0].message_token).toBe(expected)
  })

  it.each([
    ['a negative number', '-5741311803571721087'],
    ['a fraction', '5741311803571721087.0'],
    ['an exponent', '5.741311803571721087e18'],
    ['more digits than 64 bits hold', '123456789012345678901'],
    ['a string that is no number', '"abc"'],
    ['a string with a leading zero', '"0123"'],
    ['null', 'null'],
    ['true', 'true'],
    ['an object', '{"value":1}'],
  ])('answers 400 invalid_payload at message_token to %s', async (_, token) => {
    const { webhook, seen } = recording()
    const answer = await send(webhook, await withToken(token))
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({
      error: 'invalid_payload',
      issues: [{ path: 'message_token' }],
    })
    expect(seen).not.toHaveBeenCalled()
  })

  it.each([
    ['a leading zero', '0123'],
    ['a bare minus', '-'],
    ['a trailing dot', '1.'],
    ['an empty exponent', '1e'],
    ['a plus sign', '+1'],
  ])('answers 400 invalid_json to a token with %s, as JSON.parse would', async (_, token) => {
    const { webhook } = recording()
    const answer = await send(webhook, await withToken(token))
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: 'invalid_json' })
  })

  it('takes the last of duplicate message_token members, as JSON.parse does with any key', async () => {
    const { webhook, seen } = recording()
    const body = `{"event":"message","message_token":1,"timestamp":1,${SENDER},${MESSAGE},"message_token":5741311803571721087}`
    expect((await send(webhook, await signed(body))).status).toBe(200)
    expect(seen.mock.calls[0]?.[0].message_token).toBe('5741311803571721087')
  })

  it('takes the last duplicate even when an earlier one was a string', async () => {
    const { webhook, seen } = recording()
    const body = `{"event":"message","message_token":"1","timestamp":1,${SENDER},${MESSAGE},"message_token":9007199254740993}`
    await send(webhook, await signed(body))
    expect(seen.mock.calls[0]?.[0].message_token).toBe('9007199254740993')
  })

  it('reads a member name written with escapes as the same name', async () => {
    const { webhook, seen } = recording()
    const body = `{"event":"message","timestamp":1,"message\\u005ftoken":9007199254740993,${SENDER},${MESSAGE}}`
    await send(webhook, await signed(body))
    expect(seen.mock.calls[0]?.[0].message_token).toBe('9007199254740993')
  })

  it('keeps the token exact next to a field nested 100000 levels deep', async () => {
    const { webhook, seen } = recording()
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`
    const body = `{"event":"message","deep":${deep},"timestamp":1,"message_token":9007199254740993,${SENDER},${MESSAGE}}`
    expect((await send(webhook, await signed(body))).status).toBe(200)
    expect(seen.mock.calls[0]?.[0].message_token).toBe('9007199254740993')
  })

  it('answers 400 invalid_json, not 500, to a signed body nested deep and left open', async () => {
    const { webhook } = recording()
    const answer = await send(
      webhook,
      await signed(`{"event":"message","deep":${'['.repeat(100_000)}`),
    )
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: 'invalid_json' })
  })

  it('answers 400 at message_token to a token of a thousand digits', async () => {
    const { webhook } = recording()
    const answer = await send(webhook, await withToken('9'.repeat(1000)))
    expect(answer.json).toMatchObject({
      error: 'invalid_payload',
      issues: [{ path: 'message_token' }],
    })
  })

  it('is the same token the sample builders write, as a bigint or a string', async () => {
    const { webhook, seen } = recording()
    await send(
      webhook,
      await testing.viber.message({ secret: AUTH_TOKEN, messageToken: 2n ** 63n - 1n }),
    )
    await send(
      webhook,
      await testing.viber.message({ secret: AUTH_TOKEN, messageToken: '9007199254740993' }),
    )
    expect(seen.mock.calls.map(([payload]) => payload.message_token)).toEqual([
      '9223372036854775807',
      '9007199254740993',
    ])
  })
})
