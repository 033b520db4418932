import { createWebhook, generic, MemoryStore, secretToken } from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'

const TOKEN = 'generic-test-token'
const verify = secretToken({ header: 'X-Token', token: TOKEN })
const post = (body: string, init: { url?: string; headers?: Record<string, string> } = {}) =>
  request({ ...init, headers: { 'x-token': TOKEN, ...init.headers }, body })
const text = (body: string | Uint8Array) =>
  typeof body === 'string' ? body : new TextDecoder().decode(body)

describe('generic()', () => {
  it.each(['/', '/anything', '/deep/path/here?x=1'])(
    'answers on any path by default: %s',
    async (url) => {
      const webhook = createWebhook(generic({ verify })).on('*', () => ({ ok: true }))
      const response = await webhook.handle(post('{}', { url }))
      expect(response.status).toBe(200)
      expect(JSON.parse(text(response.body))).toEqual({ ok: true })
    },
  )

  it("names every event '*' by default", async () => {
    const seen = vi.fn()
    const webhook = createWebhook(generic({ verify })).on('*', ({ name }) => {
      seen(name)
    })
    await webhook.handle(post('{"type":"message","event":"x"}'))
    expect(seen).toHaveBeenCalledWith('*')
  })

  it('does not de-duplicate by default', async () => {
    const handler = vi.fn()
    const webhook = createWebhook(generic({ verify })).on('*', handler)
    await webhook.handle(post('{"id":1}'))
    await webhook.handle(post('{"id":1}'))
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('names events with event(payload)', async () => {
    const platform = generic({
      verify,
      event: (payload) => String((payload as { kind: string }).kind),
    })
    const webhook = createWebhook(platform)
      .on('opened', () => ({ by: 'opened' }))
      .on('closed', () => ({ by: 'closed' }))
    const response = await webhook.handle(post('{"kind":"closed"}'))
    expect(JSON.parse(text(response.body))).toEqual({ by: 'closed' })
  })

  it('names events from a header through event(payload, request)', async () => {
    const platform = generic({
      verify,
      event: (_payload, req) => String(req.headers['x-github-event'] ?? 'unknown'),
    })
    const webhook = createWebhook(platform).on('push', ({ name }) => ({ name }))
    const response = await webhook.handle(post('{}', { headers: { 'X-GitHub-Event': 'push' } }))
    expect(JSON.parse(text(response.body))).toEqual({ name: 'push' })
  })

  it('drops a repeat of the idempotency key read from a header', async () => {
    const handler = vi.fn(() => ({ handled: true }))
    const platform = generic({
      verify,
      idempotencyKey: (_payload, req) => {
        const id = req.headers['x-delivery']
        return typeof id === 'string' ? id : undefined
      },
    })
    const webhook = createWebhook(platform).on('*', handler)
    const first = await webhook.handle(post('{}', { headers: { 'X-Delivery': 'abc' } }))
    const repeat = await webhook.handle(post('{}', { headers: { 'X-Delivery': 'abc' } }))
    const other = await webhook.handle(post('{}', { headers: { 'X-Delivery': 'def' } }))
    const keyless = await webhook.handle(post('{}'))
    expect(handler).toHaveBeenCalledTimes(3)
    expect([first, repeat, other, keyless].map((r) => text(r.body))).toEqual([
      '{"handled":true}',
      '{}',
      '{"handled":true}',
      '{"handled":true}',
    ])
    expect(repeat.status).toBe(200)
  })

  it('passes the payload, the request and the route parameters to idempotencyKey', async () => {
    const key = vi.fn(() => undefined)
    const platform = generic({ verify, routes: ['/hooks/:tenant'], idempotencyKey: key })
    await createWebhook(platform).handle(post('{"id":"p-1"}', { url: '/hooks/acme' }))
    expect(key).toHaveBeenCalledWith(
      { id: 'p-1' },
      expect.objectContaining({ url: '/hooks/acme' }),
      expect.objectContaining({ params: { tenant: 'acme' } }),
    )
  })

  it('answers only on its routes and passes their params', async () => {
    const platform = generic({ verify, routes: ['/', '/hooks/:tenant'] })
    const webhook = createWebhook(platform).on('*', ({ params }) => params)
    const root = await webhook.handle(post('{}', { url: '/' }))
    const tenant = await webhook.handle(post('{}', { url: '/hooks/acme' }))
    const missing = await webhook.handle(post('{}', { url: '/hooks' }))
    expect(JSON.parse(text(root.body))).toEqual({})
    expect(JSON.parse(text(tenant.body))).toEqual({ tenant: 'acme' })
    expect(missing.status).toBe(404)
  })

  it('validates every payload with schema and hands the parsed value over', async () => {
    const schema = z.object({ id: z.coerce.number() })
    const webhook = createWebhook(generic({ verify, schema })).on('*', ({ payload }) => ({
      doubled: payload.id * 2,
    }))
    const good = await webhook.handle(post('{"id":"21"}'))
    const bad = await webhook.handle(post('{"id":"x"}'))
    expect(JSON.parse(text(good.body))).toEqual({ doubled: 42 })
    expect(bad.status).toBe(400)
  })

  it("names the platform 'generic' unless told otherwise", () => {
    expect(generic({ verify }).name).toBe('generic')
    expect(generic({ verify, name: 'github' }).name).toBe('github')
  })

  it('namespaces idempotency keys in a shared store by name', async () => {
    const store = new MemoryStore()
    const idempotencyKey = () => 'same-key'
    const handler = vi.fn()
    const a = createWebhook(generic({ verify, idempotencyKey, name: 'a' }), { store })
    const b = createWebhook(generic({ verify, idempotencyKey, name: 'b' }), { store })
    const a2 = createWebhook(generic({ verify, idempotencyKey, name: 'a' }), { store })
    for (const webhook of [a, b, a2]) await webhook.on('*', handler).handle(post('{}'))
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it.each([
    ['an unknown option', { verify, secret: 'x' }],
    ['a verify that is not a verifier', { verify: 'token' }],
  ])('throws on %s', (_, options) => {
    expect(() => generic(options as Parameters<typeof generic>[0])).toThrow(TypeError)
  })
})
