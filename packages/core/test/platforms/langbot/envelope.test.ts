import { createWebhook, MemoryStore } from '@chathooks/core'
import { httpBot } from '@chathooks/core/langbot'
import { langbot, request, sign } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { gate, NOWHERE, SECRET } from './harness.ts'

const quiet = () => createWebhook(httpBot({ inboundSecret: SECRET, callbackUrl: NOWHERE }))

/** A request to any path with any body, signed as a LangBot client signs it. */
async function signed(body: string, url = '/', headers: Record<string, string> = {}) {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = await sign(`${timestamp}.${body}`, { secret: SECRET, prefix: 'sha256=' })
  return request({
    url,
    body,
    headers: { 'X-LB-Timestamp': timestamp, 'X-LB-Signature': signature, ...headers },
  })
}

/** A push whose segment is a quote of a quote, `depth` times over, written as text. */
function quotes(depth: number): string {
  let segment = '{"type":"Plain","text":"original"}'
  for (let level = 0; level < depth; level++) segment = `{"type":"Quote","origin":[${segment}]}`
  return `{"session_id":"s-1","message":[${segment}]}`
}

function reporting() {
  const errors: unknown[] = []
  const webhook = createWebhook(httpBot({ inboundSecret: SECRET, callbackUrl: NOWHERE }))
    .on('message', () => undefined)
    .onError((error) => {
      errors.push(error)
    })
  return { webhook, errors }
}

const message = (extra: object) =>
  JSON.stringify({ session_id: 's-1', message: [{ type: 'Plain', text: 'hi' }], ...extra })

describe.each(entries)('the LangBot envelope through %s', (_, send) => {
  it('accepts a push with 202 and an in_<32 hex> accepted_message_id', async () => {
    const answer = await send(quiet(), await langbot.push({ secret: SECRET }))
    expect(answer.status).toBe(202)
    expect(answer.json).toEqual({
      code: 0,
      msg: 'accepted',
      data: {
        session_id: 'ticket-10293',
        accepted_message_id: expect.stringMatching(/^in_[0-9a-f]{32}$/),
        aggregating: false,
      },
    })
  })

  it('gives every push its own accepted_message_id', async () => {
    const webhook = quiet()
    const ids = new Set<unknown>()
    for (let index = 0; index < 3; index++) {
      const answer = await send(webhook, await langbot.push({ secret: SECRET }))
      ids.add((answer.json as { data: { accepted_message_id: string } }).data.accepted_message_id)
    }
    expect(ids.size).toBe(3)
  })

  it.each([
    ['a body that is not JSON', '{"session_id":', '/'],
    ['a push without session_id', JSON.stringify({ message: [] }), '/'],
    ['a push without message', JSON.stringify({ session_id: 's-1' }), '/'],
    ['an empty session_id', message({ session_id: '' }), '/'],
    ['a session_id that is an object', message({ session_id: { id: 1 } }), '/'],
    ['a message that is not a list', message({ message: 'hi' }), '/'],
    ['a segment of an unknown type', message({ message: [{ type: 'Sticker' }] }), '/'],
    ['a Plain segment without text', message({ message: [{ type: 'Plain' }] }), '/sync'],
    ['a session_type outside person and group', message({ session_type: 'channel' }), '/'],
    ['a reset without session_id', JSON.stringify({}), '/reset'],
    ['an unknown sub-path', message({}), '/status'],
    ['a sub-path below sync', message({}), '/sync/now'],
  ])('answers 400/40001 to %s', async (_label, body, url) => {
    const answer = await send(quiet(), await signed(body, url))
    expect(answer).toMatchObject({ status: 400, json: { code: 40001, data: null } })
    expect(answer.json).toEqual({ code: 40001, msg: expect.any(String), data: null })
  })

  it('answers 400/40001 to thousands of nested quotes instead of exhausting the stack', async () => {
    const { webhook, errors } = reporting()
    const answer = await send(webhook, await signed(quotes(20_000)))
    expect(answer).toMatchObject({ status: 400, json: { code: 40001, data: null } })
    expect(errors).toEqual([])
  })

  it('accepts quotes nested as deep as a conversation goes', async () => {
    const { webhook, errors } = reporting()
    const answer = await send(webhook, await signed(quotes(8)))
    expect(answer.status).toBe(202)
    await webhook.close()
    expect(errors).toEqual([])
  })

  it('answers 401/40101 to an unsigned push', async () => {
    const answer = await send(quiet(), await langbot.push({ secret: SECRET, unsigned: true }))
    expect(answer.json).toEqual({ code: 40101, msg: expect.any(String), data: null })
  })

  it('answers 405/40501 with Allow: POST to another method', async () => {
    const answer = await send(quiet(), request({ method: 'GET', url: '/sync' }))
    expect(answer.status).toBe(405)
    expect(answer.headers.allow).toBe('POST')
    expect(answer.json).toEqual({ code: 40501, msg: expect.any(String), data: null })
  })

  it('answers 409/40901 to a push whose idempotency key was accepted', async () => {
    const webhook = quiet()
    const first = await langbot.push({ secret: SECRET, idempotencyKey: 'k-1' })
    expect((await send(webhook, first)).status).toBe(202)
    const again = await langbot.push({ secret: SECRET, idempotencyKey: 'k-1', text: 'again' })
    const answer = await send(webhook, again)
    expect(answer).toMatchObject({ status: 409, json: { code: 40901, data: null } })
  })

  it("remembers an idempotency key for 600 s, in the webhook's store", async () => {
    let clock = Date.now()
    const store = new MemoryStore({ now: () => clock })
    const webhook = createWebhook(httpBot({ inboundSecret: SECRET, callbackUrl: NOWHERE }), {
      store,
    })
    const push = await langbot.push({ secret: SECRET, idempotencyKey: 'k-ttl' })
    expect((await send(webhook, push)).status).toBe(202)
    clock += 600_000 - 1
    expect((await send(webhook, push)).status).toBe(409)
    clock += 1
    expect((await send(webhook, push)).status).toBe(202)
  })

  it('answers 413/41301 to a body over 1 MiB', async () => {
    const big = message({ padding: 'x'.repeat(1024 * 1024) })
    const answer = await send(quiet(), await signed(big))
    expect(answer).toMatchObject({ status: 413, json: { code: 41301, data: null } })
  })

  it('answers 415/41501 to a form body', async () => {
    const form = await signed(message({}), '/', { 'Content-Type': 'multipart/form-data; b=x' })
    const answer = await send(quiet(), form)
    expect(answer).toMatchObject({ status: 415, json: { code: 41501, data: null } })
  })

  it('answers 503/50301 once the webhook is closing', async () => {
    const webhook = quiet()
    await webhook.close()
    const answer = await send(webhook, await langbot.push({ secret: SECRET }))
    expect(answer).toMatchObject({ status: 503, json: { code: 50301, data: null } })
  })

  it('answers 503/50301 at maxInFlight, and lets the refused key be sent again', async () => {
    const held = gate()
    const webhook = createWebhook(
      httpBot({ inboundSecret: SECRET, callbackUrl: NOWHERE, maxInFlight: 1 }),
    ).on('message', () => held.promise)
    expect((await send(webhook, await langbot.push({ secret: SECRET }))).status).toBe(202)
    const refused = await langbot.push({ secret: SECRET, idempotencyKey: 'k-busy' })
    const busy = await send(webhook, refused)
    expect(busy).toMatchObject({ status: 503, json: { code: 50301, data: null } })
    const sync = await send(webhook, await langbot.sync({ secret: SECRET, sessionId: 'other' }))
    expect(sync.status).toBe(503)
    held.open()
    // Once the first turn has ended there is room again, and the refused key was never kept.
    await vi.waitFor(async () => expect((await send(webhook, refused)).status).toBe(202))
    await webhook.close()
  })

  it('answers 500/50001 to a sync whose handler throws, and never says why', async () => {
    const webhook = createWebhook(httpBot({ inboundSecret: SECRET, callbackUrl: NOWHERE }))
      .on('message', () => {
        throw new Error('database password is hunter2')
      })
      .onError(() => undefined)
    const answer = await send(webhook, await langbot.sync({ secret: SECRET }))
    expect(answer).toMatchObject({ status: 500, json: { code: 50001, data: null } })
    expect(answer.text).not.toContain('hunter2')
  })
})
