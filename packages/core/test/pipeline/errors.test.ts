import {
  createWebhook,
  generic,
  type IdempotencyStore,
  type Platform,
  type Verifier,
} from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries, SIGNED, verify } from './driver.ts'

const SECRETISH = 'db password is hunter2'
const post = (body = '{"id":"d-1"}') => request({ headers: SIGNED, body })
const logger = () => ({ warn: vi.fn(), error: vi.fn() })
const keyed = generic({ verify, idempotencyKey: (payload) => (payload as { id: string }).id })
const brokenStore: IdempotencyStore = {
  claim: () => {
    throw new Error('connection refused')
  },
  release: () => undefined,
}

describe.each(entries)('failures through %s', (_, send) => {
  it.each([
    ['not_found', request({ url: '/a/b/c', headers: SIGNED }), ['/']],
    ['method_not_allowed', request({ method: 'PUT', headers: SIGNED }), undefined],
    ['signature_missing', request({ body: '{}' }), undefined],
    ['invalid_json', post('{'), undefined],
  ])('answers %s as { error, message } JSON', async (error, req, routes) => {
    const platform = generic(routes === undefined ? { verify } : { verify, routes })
    const answer = await send(createWebhook(platform), req)
    expect(answer.headers['content-type']).toMatch(/^application\/json\b/)
    expect(answer.json).toEqual({ error, message: expect.any(String) })
  })

  it('answers 500 handler_failed and gives onError the error and the event', async () => {
    const failure = new Error(SECRETISH)
    const onError = vi.fn()
    const webhook = createWebhook(generic({ verify }))
      .on('*', () => {
        throw failure
      })
      .onError(onError)
    const answer = await send(webhook, post())
    expect(answer.status).toBe(500)
    expect(answer.json).toMatchObject({ error: 'handler_failed' })
    expect(answer.text).not.toContain('hunter2')
    expect(onError).toHaveBeenCalledTimes(1)
    expect(onError).toHaveBeenCalledWith(
      failure,
      expect.objectContaining({ name: '*', payload: { id: 'd-1' }, params: {} }),
    )
  })

  it('answers 500 when a filter throws', async () => {
    const log = logger()
    const webhook = createWebhook(generic({ verify }), { logger: log }).on(
      '*',
      () => ({ never: true }),
      () => {
        throw new TypeError('bad filter')
      },
    )
    expect((await send(webhook, post())).status).toBe(500)
    expect(log.error).toHaveBeenCalledWith(expect.any(String), expect.any(TypeError))
  })

  it('logs a failing onError through logger.error and still answers 500', async () => {
    const log = logger()
    const broken = new Error('onError broke')
    const webhook = createWebhook(generic({ verify }), { logger: log })
      .on('*', () => Promise.reject(new Error(SECRETISH)))
      .onError(() => {
        throw broken
      })
    const answer = await send(webhook, post())
    expect(answer.json).toMatchObject({ error: 'handler_failed' })
    expect(log.error).toHaveBeenCalledWith(expect.any(String), broken)
  })

  it('logs a handler failure through logger.error when there is no onError', async () => {
    const log = logger()
    const failure = new Error(SECRETISH)
    const webhook = createWebhook(generic({ verify }), { logger: log }).on('*', () => {
      throw failure
    })
    expect((await send(webhook, post())).status).toBe(500)
    expect(log.error).toHaveBeenCalledWith(expect.any(String), failure)
  })

  it('releases the idempotency key of a failed delivery, so its retry is processed', async () => {
    const handler = vi.fn().mockRejectedValueOnce(new Error('once')).mockResolvedValue({ ok: 1 })
    const webhook = createWebhook(keyed, { logger: logger() }).on('*', handler)
    const first = await send(webhook, post())
    const retry = await send(webhook, post())
    expect([first.status, retry.status]).toEqual([500, 200])
    expect(retry.json).toEqual({ ok: 1 })
  })

  it('answers a verifier crash with 500 and reports it without an event', async () => {
    const onError = vi.fn()
    const crash = new Error('verifier bug')
    const crashing: Verifier = {
      name: 'crashing',
      cost: 0,
      verify: () => {
        throw crash
      },
    }
    const webhook = createWebhook(generic({ verify: crashing })).onError(onError)
    const answer = await send(webhook, post())
    expect(answer.status).toBe(500)
    expect(answer.text).not.toContain('verifier bug')
    expect(onError).toHaveBeenCalledWith(crash, undefined)
  })

  it('answers 503 store_unavailable and logs the outage when the store fails under fail-closed', async () => {
    const handler = vi.fn()
    const log = logger()
    const webhook = createWebhook(keyed, { store: brokenStore, logger: log }).on('*', handler)
    const answer = await send(webhook, post())
    expect(answer.status).toBe(503)
    expect(answer.json).toMatchObject({ error: 'store_unavailable' })
    expect(answer.text).not.toContain('connection refused')
    expect(handler).not.toHaveBeenCalled()
    expect(log.error).toHaveBeenCalledWith(
      expect.stringContaining('idempotency store'),
      expect.objectContaining({ code: 'store_unavailable' }),
    )
  })

  it('dispatches with a warning when the store fails under fail-open', async () => {
    const log = logger()
    const options = { store: brokenStore, onStoreError: 'fail-open', logger: log } as const
    const webhook = createWebhook(keyed, options).on('*', () => ({ handled: true }))
    const answer = await send(webhook, post())
    expect(answer.json).toEqual({ handled: true })
    expect(log.warn).toHaveBeenCalledTimes(1)
  })

  it('answers 503 shutting_down after close()', async () => {
    const handler = vi.fn()
    const webhook = createWebhook(generic({ verify })).on('*', handler)
    await webhook.close()
    const answer = await send(webhook, post())
    expect(answer.status).toBe(503)
    expect(answer.json).toMatchObject({ error: 'shutting_down' })
    expect(handler).not.toHaveBeenCalled()
  })
})

const minimal: Platform = {
  name: 'minimal',
  verify: [verify],
  ack: () => ({ status: 200, headers: {}, body: '' }),
  reply: () => ({ status: 200, headers: {}, body: '' }),
}

describe('configuration mistakes throw at creation', () => {
  it.each([
    ['an unknown option', () => createWebhook(minimal, { maxBody: 10 } as object), /"maxBody"/],
    ['maxBodyBytes 0', () => createWebhook(minimal, { maxBodyBytes: 0 }), /"maxBodyBytes"/],
    ['maxBodyBytes -1', () => createWebhook(minimal, { maxBodyBytes: -1 }), /"maxBodyBytes"/],
    ['maxBodyBytes 1.5', () => createWebhook(minimal, { maxBodyBytes: 1.5 }), /"maxBodyBytes"/],
    [
      'respond later',
      () => createWebhook(minimal, { respond: 'later' as 'ack-first' }),
      /"respond"/,
    ],
    ['a platform without verifiers', () => createWebhook({ ...minimal, verify: [] }), /verifier/],
    ['generic without verify', () => generic({} as Parameters<typeof generic>[0]), /"verify"/],
    ['generic with an empty verify list', () => generic({ verify: [] }), /"verify"/],
    [
      'a route without a leading slash',
      () => createWebhook(generic({ verify, routes: ['no-slash'] })),
      /no-slash/,
    ],
  ])('throws on %s', (_, create, message) => {
    expect(create).toThrow(TypeError)
    expect(create).toThrow(message)
  })

  it.each([
    ['a handler that is not a function', 'message', 'reply'],
    ['an empty list of events', [], () => undefined],
  ])('on() throws on %s', (_, event, handler) => {
    const webhook = createWebhook(minimal)
    expect(() => webhook.on(event as string, handler as () => undefined)).toThrow(TypeError)
  })

  it('onError() throws on a handler that is not a function', () => {
    const webhook = createWebhook(minimal)
    expect(() => webhook.onError('log' as unknown as () => undefined)).toThrow(TypeError)
  })
})

describe.each(entries)('a reply the platform cannot encode, through %s', (_, send) => {
  const refusing = {
    ...generic({ verify, idempotencyKey: (payload) => (payload as { id: string }).id }),
    reply: (): never => {
      throw new TypeError('not a reply this platform can send')
    },
  }

  it('fails like a throwing handler and lets the retry through', async () => {
    const onError = vi.fn()
    const handler = vi.fn().mockReturnValueOnce({ bad: true }).mockReturnValue(undefined)
    const webhook = createWebhook(refusing).on('*', handler).onError(onError)
    const body = '{"id":"d-1"}'
    const first = await send(webhook, request({ headers: SIGNED, body }))
    expect(first).toMatchObject({ status: 500, json: { error: 'handler_failed' } })
    expect(onError).toHaveBeenCalledExactlyOnceWith(
      new TypeError('not a reply this platform can send'),
      expect.objectContaining({ name: '*', payload: { id: 'd-1' } }),
    )
    const retry = await send(webhook, request({ headers: SIGNED, body }))
    expect(retry.status).toBe(200)
    expect(handler).toHaveBeenCalledTimes(2)
  })
})
