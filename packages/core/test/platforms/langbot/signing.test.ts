import { createWebhook } from '@chathooks/core'
import { callbackReceiver, httpBot } from '@chathooks/core/langbot'
import { langbot, request } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { FIXTURE_NOW, fixture, NOWHERE, SECRET } from './harness.ts'

const TIMESTAMP = String(FIXTURE_NOW / 1000)
const at = (offsetSeconds: number) => () => FIXTURE_NOW + offsetSeconds * 1000

/** A bot end whose `message` handler only records the payload; it never replies. */
function recordingBot(now = at(0)) {
  const seen = vi.fn()
  const webhook = createWebhook(httpBot({ inboundSecret: SECRET, callbackUrl: NOWHERE, now })).on(
    'message',
    ({ payload }) => {
      seen(payload)
    },
  )
  return { webhook, seen }
}

function signedWith(body: Uint8Array, signature: string, url = '/', timestamp = TIMESTAMP) {
  return request({
    url,
    body,
    headers: { 'X-LB-Timestamp': timestamp, 'X-LB-Signature': signature },
  })
}

describe.each(entries)('LangBot signatures through %s', (_, send) => {
  // The signatures were computed with openssl and checked with python3's hmac, over
  // `1718000000.` + the file's bytes, keyed with SHARED_SECRET.
  it.each(['push', 'push-pretty'])(
    'accepts the %s fixture with its independently computed signature',
    async (name) => {
      const { body, signature } = await fixture(name)
      const { webhook, seen } = recordingBot()
      const answer = await send(webhook, signedWith(body, signature))
      expect(answer.status).toBe(202)
      await webhook.close()
      expect(seen).toHaveBeenCalledExactlyOnceWith(
        expect.objectContaining({
          session_id: JSON.parse(new TextDecoder().decode(body)).session_id,
        }),
      )
    },
  )

  it('verifies the PROTOCOLS.md example body, byte for byte what the push builder sends', async () => {
    const { body, signature } = await fixture('push')
    const built = await langbot.push({ secret: SECRET, now: at(0) })
    expect(built.body).toEqual(body)
    expect(built.headers['x-lb-signature']).toBe(signature)
  })

  it('refuses the pretty fixture once re-serialized, as the signature covers the bytes sent', async () => {
    const { body, signature } = await fixture('push-pretty')
    const compact = new TextEncoder().encode(
      JSON.stringify(JSON.parse(new TextDecoder().decode(body))),
    )
    const { webhook, seen } = recordingBot()
    const answer = await send(webhook, signedWith(compact, signature))
    expect(answer).toMatchObject({ status: 401, json: { code: 40101, data: null } })
    expect(seen).not.toHaveBeenCalled()
  })

  it.each([
    ['300 s old', -300, 202],
    ['301 s old', -301, 401],
    ['300 s ahead', 300, 202],
    ['301 s ahead', 301, 401],
  ])('judges a push signed %s by the injected clock', async (_label, offset, status) => {
    const { body, signature } = await fixture('push')
    const { webhook } = recordingBot(at(-offset))
    expect((await send(webhook, signedWith(body, signature))).status).toBe(status)
  })

  it.each([
    ['signed with another secret', { secret: 'another secret' }],
    ['tampered', { tamper: true }],
    ['unsigned', { unsigned: true }],
    ['replayed 10 minutes later', { age: 600 }],
    ['dated 10 minutes ahead', { age: -600 }],
  ])('refuses a push %s with 401/40101', async (_label, options) => {
    const { webhook, seen } = recordingBot(Date.now)
    const answer = await send(webhook, await langbot.push({ secret: SECRET, ...options }))
    expect(answer).toMatchObject({ status: 401, json: { code: 40101, data: null } })
    expect(answer.text).not.toContain(SECRET)
    expect(seen).not.toHaveBeenCalled()
  })

  it.each([
    [
      'upper-case hex',
      (signature: string) => signature.toUpperCase().replace('SHA256=', 'sha256='),
    ],
    ['no prefix', (signature: string) => signature.slice('sha256='.length)],
  ])('refuses a signature written with %s: the comparison is exact', async (_label, rewrite) => {
    const { body, signature } = await fixture('push')
    const { webhook } = recordingBot()
    expect((await send(webhook, signedWith(body, rewrite(signature)))).status).toBe(401)
  })

  it.each(['1718000000.5', '+1718000000', 'soon', ''])(
    'refuses a timestamp of %j',
    async (timestamp) => {
      const { body } = await fixture('push')
      const { webhook } = recordingBot()
      const answer = await send(webhook, signedWith(body, 'sha256=00', '/', timestamp))
      expect(answer).toMatchObject({ status: 401, json: { code: 40101 } })
    },
  )

  it('accepts any secret of a rotation list', async () => {
    const webhook = createWebhook(
      httpBot({ inboundSecret: ['new-secret', SECRET], callbackUrl: NOWHERE, now: at(0) }),
    )
    const { body, signature } = await fixture('push')
    expect((await send(webhook, signedWith(body, signature))).status).toBe(202)
  })

  it('verifies a callback as LangBot writes it, spaced JSON and nulls included', async () => {
    const { body, signature } = await fixture('callback')
    const seen = vi.fn()
    const webhook = createWebhook(callbackReceiver({ secret: SECRET, now: at(1) })).on(
      'reply',
      ({ payload }) => {
        seen(payload.sequence, payload.message[1])
      },
    )
    const answer = await send(webhook, signedWith(body, signature))
    expect(answer).toMatchObject({ status: 200, json: { ok: true } })
    expect(seen).toHaveBeenCalledExactlyOnceWith(
      2,
      expect.objectContaining({ type: 'Image', url: 'https://example.com/fixed.png', path: null }),
    )
  })

  it.each([
    ['replayed', 301],
    ['pre-signed', -301],
  ])('refuses a %s callback outside the window', async (_label, offset) => {
    const { body, signature } = await fixture('callback')
    const webhook = createWebhook(callbackReceiver({ secret: SECRET, now: at(offset) }))
    expect((await send(webhook, signedWith(body, signature))).status).toBe(401)
  })
})
