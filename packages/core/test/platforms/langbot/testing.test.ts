import { createHmac } from 'node:crypto'
import type { WebhookRequest } from '@chathooks/core'
import { langbot } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { FIXTURE_NOW, OUTBOUND, SECRET } from './harness.ts'

const now = () => FIXTURE_NOW
const text = (request: WebhookRequest) => new TextDecoder().decode(request.body)
const header = (request: WebhookRequest, name: string) => request.headers[name] as string

/** The signature an independent HMAC gives the request's own timestamp and bytes. */
const signatureOf = (request: WebhookRequest, secret: string) =>
  `sha256=${createHmac('sha256', secret)
    .update(`${header(request, 'x-lb-timestamp')}.${text(request)}`)
    .digest('hex')}`

describe('the langbot sample builders', () => {
  it.each([
    ['push', langbot.push, '/'],
    ['sync', langbot.sync, '/sync'],
  ])(
    'signs a %s to %s with a fresh idempotency key, or the one given',
    async (_label, build, url) => {
      const first = await build({ secret: SECRET, now })
      const second = await build({ secret: SECRET, now })
      expect(first.url).toBe(url)
      expect(header(first, 'x-lb-signature')).toBe(signatureOf(first, SECRET))
      expect(header(first, 'x-lb-idempotency-key')).not.toBe(header(second, 'x-lb-idempotency-key'))
      const repeated = await build({ secret: SECRET, idempotencyKey: 'k-1' })
      expect(header(repeated, 'x-lb-idempotency-key')).toBe('k-1')
    },
  )

  it('moves X-LB-Timestamp by age, into the past or the future', async () => {
    const aged = await langbot.push({ secret: SECRET, now, age: 90 })
    const ahead = await langbot.reset({ secret: SECRET, now, age: -90 })
    expect(header(aged, 'x-lb-timestamp')).toBe(String(FIXTURE_NOW / 1000 - 90))
    expect(header(ahead, 'x-lb-timestamp')).toBe(String(FIXTURE_NOW / 1000 + 90))
    expect(header(aged, 'x-lb-signature')).toBe(signatureOf(aged, SECRET))
  })

  it('builds a reset of the session, without an idempotency key', async () => {
    const reset = await langbot.reset({ secret: SECRET, sessionId: 'g-1', sessionType: 'group' })
    expect(reset.url).toBe('/reset')
    expect(text(reset)).toBe('{"session_id":"g-1","session_type":"group"}')
    expect(reset.headers['x-lb-idempotency-key']).toBeUndefined()
  })

  it('builds a callback part dated at its signing time', async () => {
    const part = await langbot.callback({
      secret: OUTBOUND,
      now,
      age: 10,
      isFinal: false,
      sequence: 3,
    })
    expect(JSON.parse(text(part))).toEqual({
      session_id: 'ticket-10293',
      reply_to: expect.stringMatching(/^in_[0-9a-f]{32}$/),
      sequence: 3,
      is_final: false,
      stream: false,
      message: [{ type: 'Plain', text: 'Fixed. Try again now.' }],
      timestamp: new Date(FIXTURE_NOW - 10_000).toISOString(),
    })
    expect(header(part, 'x-lb-signature')).toBe(signatureOf(part, OUTBOUND))
  })

  it('tampers with one byte after signing, and leaves both headers out when unsigned', async () => {
    const honest = await langbot.push({ secret: SECRET, now, idempotencyKey: 'k' })
    const forged = await langbot.push({ secret: SECRET, now, idempotencyKey: 'k', tamper: true })
    expect(header(forged, 'x-lb-signature')).toBe(header(honest, 'x-lb-signature'))
    expect(forged.body.filter((byte, index) => byte !== honest.body[index])).toHaveLength(1)
    const unsigned = await langbot.sync({ secret: SECRET, unsigned: true })
    expect(unsigned.headers['x-lb-signature']).toBeUndefined()
    expect(unsigned.headers['x-lb-timestamp']).toBeUndefined()
  })
})
