import { createWebhook, MemoryStore, type WebhookRequest } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'
import { request, sign } from '@chathooks/core/testing'
import { viber, welcome } from '@chathooks/core/viber'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { AUTH_TOKEN, BUILDERS, fixtureRequest } from './helpers.ts'

type Sample = (options: { secret: string; messageToken?: string }) => Promise<WebhookRequest>

const SAMPLES: readonly (readonly [string, Sample])[] = BUILDERS

const EVENTS = SAMPLES.map(([name]) => name)

/** A signed callback with exactly these bytes. */
async function signed(body: string): Promise<WebhookRequest> {
  const signature = await sign(body, { secret: AUTH_TOKEN })
  return request({ body, headers: { 'X-Viber-Content-Signature': signature } })
}

describe.each(entries)('viber events through %s', (_, send) => {
  it.each(SAMPLES)(
    'answers %s with exactly 200 and an empty body when no handler is registered',
    async (_, sample) => {
      const answer = await send(
        createWebhook(viber({ authToken: AUTH_TOKEN })),
        await sample({ secret: AUTH_TOKEN }),
      )
      expect(answer).toMatchObject({ status: 200, text: '' })
    },
  )

  it.each(SAMPLES)(
    'routes %s to its own handlers and to "*", and to no other',
    async (name, sample) => {
      const ran: string[] = []
      const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }))
      for (const event of EVENTS) webhook.on(event as 'message', () => void ran.push(event))
      webhook.on('*', ({ name: seen }) => void ran.push(`*:${seen}`))
      const answer = await send(webhook, await sample({ secret: AUTH_TOKEN }))
      expect(answer).toMatchObject({ status: 200, text: '' })
      expect(ran).toEqual([name, `*:${name}`])
    },
  )

  it('answers the webhook availability check with exactly 200 even when its handler returns a value', async () => {
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on('webhook', () =>
      welcome({ sender: { name: 'Bot' }, text: 'ignored' }),
    )
    expect(await send(webhook, await fixtureRequest('webhook-vector.json'))).toMatchObject({
      status: 200,
      text: '',
    })
  })

  it('hands each handler the validated payload of its event', async () => {
    const seen = vi.fn()
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }))
      .on('message', ({ payload }) => void seen('message', payload.sender.id, payload.message.text))
      .on('subscribed', ({ payload }) => void seen('subscribed', payload.user.name))
      .on('unsubscribed', ({ payload }) => void seen('unsubscribed', payload.user_id))
      .on('failed', ({ payload }) => void seen('failed', payload.user_id, payload.desc))
      .on(
        'conversation_started',
        ({ payload }) => void seen('started', payload.type, payload.context, payload.subscribed),
      )
    await send(webhook, await fixtureRequest('message.json'))
    await send(
      webhook,
      await testing.viber.subscribed({ secret: AUTH_TOKEN, user: { id: 'u1', name: 'Зоя' } }),
    )
    await send(webhook, await testing.viber.unsubscribed({ secret: AUTH_TOKEN, userId: 'u2' }))
    await send(
      webhook,
      await testing.viber.failed({ secret: AUTH_TOKEN, userId: 'u3', desc: 'blocked' }),
    )
    await send(webhook, await fixtureRequest('conversation-started.json'))
    expect(seen.mock.calls).toEqual([
      ['message', '01234567890A=', '!weather Malé'],
      ['subscribed', 'Зоя'],
      ['unsubscribed', 'u2'],
      ['failed', 'u3', 'blocked'],
      ['started', 'open', 'context information', false],
    ])
  })

  it('passes unknown extra fields through to the handler', async () => {
    const seen = vi.fn()
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on('message', ({ payload }) => {
      seen(payload.chat_id, payload.message.new_field, payload.sender.new_profile_field)
    })
    const message = { type: 'text', text: 'hi', new_field: [1] }
    const req = await testing.viber.message({
      secret: AUTH_TOKEN,
      message,
      sender: { id: 'u', name: 'N', new_profile_field: true },
    })
    const body = new TextDecoder().decode(req.body).replace(/}$/, ',"chat_id":"c1"}')
    expect((await send(webhook, await signed(body))).status).toBe(200)
    expect(seen).toHaveBeenCalledWith('c1', [1], true)
  })

  it('sends an unknown event name to "*" handlers only, with its name, and answers 200', async () => {
    const typed = vi.fn()
    const any = vi.fn()
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }))
    for (const event of EVENTS) webhook.on(event as 'message', typed)
    webhook.on('*', ({ name, payload }) => void any(name, payload.message_token, payload.extra))
    const body =
      '{"event":"client_status","timestamp":1718000000123,"message_token":9223372036854775807,"extra":{"a":1}}'
    expect(await send(webhook, await signed(body))).toMatchObject({ status: 200, text: '' })
    expect(typed).not.toHaveBeenCalled()
    expect(any).toHaveBeenCalledWith('client_status', '9223372036854775807', { a: 1 })
  })

  it.each([
    [
      'a message without a sender',
      '{"event":"message","timestamp":1,"message_token":1,"message":{"type":"text"}}',
      ['sender'],
    ],
    [
      'a subscription whose user has no id',
      '{"event":"subscribed","timestamp":1,"user":{"name":"N"}}',
      ['user.id'],
    ],
    [
      'a failure without its description',
      '{"event":"failed","timestamp":1,"message_token":1,"user_id":"u"}',
      ['desc'],
    ],
    ['a callback without an event', '{"timestamp":1,"message_token":1}', ['event']],
    ['a callback that is an array', '[{"event":"webhook"}]', ['']],
  ])('answers 400 invalid_payload to %s, listing the paths', async (_, body, paths) => {
    const handler = vi.fn()
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on('*', handler)
    const answer = await send(webhook, await signed(body))
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: 'invalid_payload' })
    expect(
      (answer.json as { issues: { path: string }[] }).issues.map((issue) => issue.path),
    ).toEqual(paths)
    expect(handler).not.toHaveBeenCalled()
  })

  it('accepts a webhook check with nothing but its event name', async () => {
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }))
    expect(await send(webhook, await signed('{"event":"webhook"}'))).toMatchObject({
      status: 200,
      text: '',
    })
  })

  it('answers a signed body that is not JSON with 400 invalid_json', async () => {
    const answer = await send(
      createWebhook(viber({ authToken: AUTH_TOKEN })),
      await signed('{"event":"webhook",'),
    )
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: 'invalid_json' })
  })

  it('answers a body over maxBodyBytes with 413 before anything else', async () => {
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }), { maxBodyBytes: 64 })
    const req = await testing.viber.message({ secret: AUTH_TOKEN, text: 'x'.repeat(100) })
    expect((await send(webhook, req)).status).toBe(413)
  })

  it('answers a GET with 405 and Allow: POST', async () => {
    const answer = await send(
      createWebhook(viber({ authToken: AUTH_TOKEN })),
      request({ method: 'GET' }),
    )
    expect(answer.status).toBe(405)
    expect(answer.headers.allow).toBe('POST')
  })
})

describe.each(entries)('viber retries through %s', (_, send) => {
  it.each(SAMPLES)(
    'answers a repeated %s with exactly 200 and does not run its handler again',
    async (name, sample) => {
      const handler = vi.fn()
      const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on(name as 'message', handler)
      const messageToken = '9007199254740993'
      expect(await send(webhook, await sample({ secret: AUTH_TOKEN, messageToken }))).toMatchObject(
        { status: 200 },
      )
      expect(await send(webhook, await sample({ secret: AUTH_TOKEN, messageToken }))).toMatchObject(
        { status: 200, text: '' },
      )
      expect(handler).toHaveBeenCalledOnce()
    },
  )

  it('tells tokens apart that a lossy JSON.parse would confuse', async () => {
    const handler = vi.fn()
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on('message', handler)
    // Both are the same double: 2^53 + 1 rounds to 2^53.
    expect(Number('9007199254740993')).toBe(Number('9007199254740992'))
    await send(
      webhook,
      await testing.viber.message({ secret: AUTH_TOKEN, messageToken: '9007199254740992' }),
    )
    await send(
      webhook,
      await testing.viber.message({ secret: AUTH_TOKEN, messageToken: '9007199254740993' }),
    )
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('runs delivered, seen and failed for one sent message, and each receipt once per user', async () => {
    const ran: string[] = []
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on(
      ['delivered', 'seen', 'failed'],
      ({ name, payload }) => void ran.push(`${name}:${payload.user_id}`),
    )
    const messageToken = 5741311803571721087n
    for (const sample of [testing.viber.delivered, testing.viber.seen, testing.viber.failed]) {
      await send(webhook, await sample({ secret: AUTH_TOKEN, messageToken, userId: 'a' }))
      await send(webhook, await sample({ secret: AUTH_TOKEN, messageToken, userId: 'b' }))
      await send(webhook, await sample({ secret: AUTH_TOKEN, messageToken, userId: 'a' }))
    }
    expect(ran).toEqual(['delivered:a', 'delivered:b', 'seen:a', 'seen:b', 'failed:a', 'failed:b'])
  })

  it('answers 500 when a handler throws, and runs it again on Viber’s retry', async () => {
    let calls = 0
    const onError = vi.fn()
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN }))
      .on('subscribed', () => {
        calls++
        if (calls === 1) throw new Error('database down')
      })
      .onError(onError)
    const messageToken = 12345678901234567890n
    expect(
      (await send(webhook, await testing.viber.subscribed({ secret: AUTH_TOKEN, messageToken })))
        .status,
    ).toBe(500)
    expect(
      (await send(webhook, await testing.viber.subscribed({ secret: AUTH_TOKEN, messageToken })))
        .status,
    ).toBe(200)
    expect(calls).toBe(2)
    expect(onError).toHaveBeenCalledOnce()
  })

  it('de-duplicates across webhooks that share a store, as instances behind a balancer do', async () => {
    const store = new MemoryStore()
    const handler = vi.fn()
    const first = createWebhook(viber({ authToken: AUTH_TOKEN }), { store }).on('message', handler)
    const second = createWebhook(viber({ authToken: AUTH_TOKEN }), { store }).on('message', handler)
    const req = await testing.viber.message({ secret: AUTH_TOKEN, messageToken: '1' })
    await send(first, req)
    await send(second, req)
    expect(handler).toHaveBeenCalledOnce()
  })

  it('does not de-duplicate a callback without a message_token', async () => {
    const handler = vi.fn()
    const webhook = createWebhook(viber({ authToken: AUTH_TOKEN })).on('subscribed', handler)
    const body = '{"event":"subscribed","timestamp":1457764197627,"user":{"id":"u","name":"N"}}'
    await send(webhook, await signed(body))
    await send(webhook, await signed(body))
    expect(handler).toHaveBeenCalledTimes(2)
  })
})
