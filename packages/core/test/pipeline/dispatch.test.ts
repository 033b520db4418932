import { createWebhook, generic, JSONKeyEquals, type WebhookRequest } from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries, SIGNED, verify } from './driver.ts'

// Pretty-printed, non-ASCII, with a trailing newline: the bytes a handler sees must be these.
const FIXTURE = '{\n  "type": "message",\n  "text": "Grüße, 世界 🦊",\n  "user": { "id": 7 }\n}\n'

const byType = () =>
  createWebhook(generic({ verify, event: (payload) => (payload as { type: string }).type }))

const post = (body: string, url = '/') => request({ url, headers: SIGNED, body })

describe.each(entries)('dispatch through %s', (_, send) => {
  it('runs matching handlers in registration order until one returns a value', async () => {
    const order: string[] = []
    const webhook = byType()
      .on('message', () => {
        order.push('first')
      })
      .on('*', () => {
        order.push('second')
        return { by: 'second' }
      })
      .on('message', () => {
        order.push('third')
        return { by: 'third' }
      })
    const answer = await send(webhook, post(FIXTURE))
    expect(answer).toMatchObject({ status: 200, json: { by: 'second' } })
    expect(order).toEqual(['first', 'second'])
  })

  it('skips handlers of other events', async () => {
    const webhook = byType()
      .on('edited', () => ({ by: 'edited' }))
      .on('message', () => ({ by: 'message' }))
    expect((await send(webhook, post(FIXTURE))).json).toEqual({ by: 'message' })
  })

  it.each(['message', 'edited'])('runs a handler registered for a list on %s', async (type) => {
    const webhook = byType().on(['message', 'edited'], ({ name }) => ({ name }))
    const answer = await send(webhook, post(`{"type":"${type}"}`))
    expect(answer.json).toEqual({ name: type })
  })

  it('lets a * handler see every event under its own name', async () => {
    const names: string[] = []
    const webhook = byType().on('*', ({ name }) => {
      names.push(name)
    })
    for (const type of ['message', 'edited', 'left'])
      await send(webhook, post(`{"type":"${type}"}`))
    expect(names).toEqual(['message', 'edited', 'left'])
  })

  it('skips a handler whose filter rejects the payload', async () => {
    const webhook = byType()
      .on('message', () => ({ by: 'admin' }), JSONKeyEquals('user.id', 1))
      .on('message', () => ({ by: 'user 7' }), JSONKeyEquals('user.id', 7))
    expect((await send(webhook, post(FIXTURE))).json).toEqual({ by: 'user 7' })
  })

  it('answers the ack, 200 {}, when no handler matches', async () => {
    const handler = vi.fn()
    const webhook = byType().on('edited', handler)
    const answer = await send(webhook, post(FIXTURE))
    expect(answer).toMatchObject({ status: 200, json: {} })
    expect(handler).not.toHaveBeenCalled()
  })

  it('answers the ack when the matching handlers return nothing', async () => {
    const handler = vi.fn()
    const answer = await send(byType().on('message', handler).on('*', handler), post(FIXTURE))
    expect(answer).toMatchObject({ status: 200, json: {} })
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it.each([null, 0, '', false])('sends a returned %j as the reply', async (value) => {
    const later = vi.fn()
    const webhook = byType()
      .on('message', () => value)
      .on('message', later)
    const answer = await send(webhook, post(FIXTURE))
    expect(answer).toMatchObject({ status: 200, json: value })
    expect(answer.headers['content-type']).toMatch(/^application\/json/)
    expect(later).not.toHaveBeenCalled()
  })

  it('waits for an asynchronous handler and sends what it resolves to', async () => {
    const webhook = byType().on('message', async () => ({ late: true }))
    expect((await send(webhook, post(FIXTURE))).json).toEqual({ late: true })
  })

  it('gives the handler the route params', async () => {
    const platform = generic({ verify, routes: ['/hooks/:tenant/:channel'] })
    const webhook = createWebhook(platform).on('*', ({ params }) => ({ params }))
    const answer = await send(webhook, post('{}', '/hooks/acme%20inc/sms?x=1'))
    expect(answer.json).toEqual({ params: { tenant: 'acme inc', channel: 'sms' } })
  })

  it('gives the handler the raw request with the exact body bytes', async () => {
    const seen = vi.fn<(raw: WebhookRequest, payload: unknown) => void>()
    const webhook = byType().on('message', (event) => {
      seen(event.request, event.payload)
    })
    await send(webhook, post(FIXTURE, '/?q=1'))
    expect(seen).toHaveBeenCalledTimes(1)
    const [raw, payload] = seen.mock.calls[0] ?? []
    expect(raw?.url).toBe('/?q=1')
    expect(raw?.method).toBe('POST')
    expect(raw?.headers['x-token']).toBe(SIGNED['x-token'])
    expect(new TextDecoder().decode(raw?.body)).toBe(FIXTURE)
    expect(payload).toEqual({ type: 'message', text: 'Grüße, 世界 🦊', user: { id: 7 } })
  })

  it('names events with the event option of generic', async () => {
    const webhook = createWebhook(
      generic({ verify, event: (payload) => `on.${(payload as { type: string }).type}` }),
    ).on('on.message', ({ name }) => ({ name }))
    expect((await send(webhook, post(FIXTURE))).json).toEqual({ name: 'on.message' })
  })
})
