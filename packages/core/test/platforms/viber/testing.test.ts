import { createHmac } from 'node:crypto'
import type { WebhookRequest } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { AUTH_TOKEN, BUILDERS } from './helpers.ts'

const NOW = 1_718_000_000_000
const text = (req: WebhookRequest) => new TextDecoder().decode(req.body)
/** HMAC-SHA256 by node:crypto, independent of the signer under test. */
const hmac = (body: Uint8Array) => createHmac('sha256', AUTH_TOKEN).update(body).digest('hex')
const tokenOf = (req: WebhookRequest) => /"message_token":(\d+)[,}]/.exec(text(req))?.[1]

describe('testing.viber', () => {
  it('exports one builder per Viber event and nothing else', () => {
    expect(Object.keys(testing.viber).sort()).toEqual([
      'conversationStarted',
      'delivered',
      'failed',
      'message',
      'seen',
      'subscribed',
      'unsubscribed',
      'webhook',
    ])
  })

  it.each(BUILDERS)('builds %s as signed JSON of that event', async (event, build) => {
    const req = await build({ secret: AUTH_TOKEN, now: () => NOW })
    expect(req).toMatchObject({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/json' },
    })
    expect(req.headers['x-viber-content-signature']).toBe(hmac(req.body))
    expect(JSON.parse(text(req))).toMatchObject({ event, timestamp: NOW })
    expect(text(req)).toMatch(
      new RegExp(`^\\{"event":"${event}","timestamp":${NOW},"message_token":\\d+[,}]`),
    )
  })

  it.each(BUILDERS)(
    'writes a fresh %s token past 2^53 as a bare integer by default',
    async (_, build) => {
      const [first, second] = await Promise.all([
        build({ secret: AUTH_TOKEN }),
        build({ secret: AUTH_TOKEN }),
      ])
      const tokens = [tokenOf(first), tokenOf(second)].map((token) => BigInt(token ?? -1))
      expect(tokens.every((token) => token > 2n ** 53n && token < 2n ** 63n)).toBe(true)
      expect(tokens[0]).not.toBe(tokens[1])
    },
  )

  it.each([
    ['a string', '18446744073709551615', '18446744073709551615'],
    ['a bigint', 9007199254740993n, '9007199254740993'],
    ['zero', 0n, '0'],
  ])('writes a messageToken given as %s exactly', async (_, messageToken, expected) => {
    expect(tokenOf(await testing.viber.seen({ secret: AUTH_TOKEN, messageToken }))).toBe(expected)
  })

  it.each([
    ['a negative bigint', -1n],
    ['a string that is no integer', '12a'],
    ['a number', 5 as unknown as bigint],
  ])('refuses a messageToken given as %s', async (_, messageToken) => {
    await expect(testing.viber.seen({ secret: AUTH_TOKEN, messageToken })).rejects.toThrow(
      TypeError,
    )
  })

  it('repeats a delivery byte for byte with the same token and clock', async () => {
    const options = { secret: AUTH_TOKEN, messageToken: 42n, now: () => NOW }
    expect(text(await testing.viber.message(options))).toBe(
      text(await testing.viber.message(options)),
    )
  })

  it.each([
    ['in the past', 60, NOW - 60_000],
    ['in the future', -5, NOW + 5_000],
  ])('dates the callback %s by age', async (_, age, timestamp) => {
    const req = await testing.viber.delivered({ secret: AUTH_TOKEN, now: () => NOW, age })
    expect(JSON.parse(text(req)).timestamp).toBe(timestamp)
  })

  it('takes an explicit timestamp', async () => {
    const req = await testing.viber.failed({ secret: AUTH_TOKEN, timestamp: 1457764197627 })
    expect(JSON.parse(text(req)).timestamp).toBe(1457764197627)
  })

  it('puts the signature in ?sig= instead of the header when asked', async () => {
    const req = await testing.viber.subscribed({ secret: AUTH_TOKEN, signatureIn: 'query' })
    expect(req.url).toBe(`/?sig=${hmac(req.body)}`)
    expect(req.headers['x-viber-content-signature']).toBeUndefined()
  })

  it.each([
    ['header', 'header' as const],
    ['query', 'query' as const],
  ])('leaves the signature out of the %s when unsigned', async (_, signatureIn) => {
    const req = await testing.viber.seen({ secret: AUTH_TOKEN, signatureIn, unsigned: true })
    expect(req.url).toBe('/')
    expect(req.headers['x-viber-content-signature']).toBeUndefined()
  })

  it('changes one byte after signing when tampered', async () => {
    const options = { secret: AUTH_TOKEN, messageToken: 7n, now: () => NOW }
    const honest = await testing.viber.message(options)
    const forged = await testing.viber.message({ ...options, tamper: true })
    expect(forged.headers['x-viber-content-signature']).toBe(hmac(honest.body))
    expect(forged.body.filter((byte, index) => byte !== honest.body[index])).toHaveLength(1)
  })

  it('writes the text given into a text message, and any message object given instead', async () => {
    const withText = JSON.parse(
      text(await testing.viber.message({ secret: AUTH_TOKEN, text: '!weather Malé' })),
    )
    expect(withText.message).toEqual({
      type: 'text',
      text: '!weather Malé',
      tracking_data: 'tracking data',
    })
    const sticker = { type: 'sticker', sticker_id: 46105 }
    const withMessage = JSON.parse(
      text(await testing.viber.message({ secret: AUTH_TOKEN, message: sticker })),
    )
    expect(withMessage.message).toEqual(sticker)
  })

  it('fills realistic users, context and descriptions, each replaceable', async () => {
    const started = await testing.viber.conversationStarted({
      secret: AUTH_TOKEN,
      context: 'ad-campaign',
      subscribed: true,
      user: { id: 'x=', name: 'Ana' },
    })
    expect(JSON.parse(text(started))).toMatchObject({
      type: 'open',
      context: 'ad-campaign',
      subscribed: true,
      user: { id: 'x=', name: 'Ana' },
    })
    const failed = JSON.parse(text(await testing.viber.failed({ secret: AUTH_TOKEN })))
    expect(failed).toMatchObject({ user_id: '01234567890A=', desc: 'failure description' })
  })
})
