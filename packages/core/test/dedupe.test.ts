import {
  createWebhook,
  generic,
  type IdempotencyStore,
  MemoryStore,
  secretToken,
  type WebhookOptions,
  type WebhookResponse,
} from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import fc from 'fast-check'
import { describe, expect, it, vi } from 'vitest'

const token = 't0ken'
// Pretty-printed, non-ASCII, with a trailing newline: the key is read from the parsed payload.
const DELIVERY = `{
  "id": 7,
  "text": "Grüße aus Köln 👋"
}
`

function platform(name?: string) {
  return generic({
    verify: secretToken({ header: 'x-token', token }),
    idempotencyKey: (payload) => String((payload as { id: number }).id),
    ...(name === undefined ? {} : { name }),
  })
}

function setup(options: WebhookOptions = {}, name?: string) {
  const handler = vi.fn(({ payload }: { payload: unknown }) => ({ handled: payload }))
  const webhook = createWebhook(platform(name), options).on('*', handler)
  return { webhook, handler }
}

const deliver = (body = DELIVERY, headers: Record<string, string> = { 'X-Token': token }) =>
  request({ body, headers })

function json(response: WebhookResponse): unknown {
  const { body } = response
  return JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body))
}

function failingStore(): IdempotencyStore {
  return {
    claim: () => {
      throw new Error('connection refused')
    },
    release: () => undefined,
  }
}

describe('de-duplication', () => {
  it('acknowledges a repeated delivery without running the handler again', async () => {
    const { webhook, handler } = setup()
    const first = await webhook.handle(deliver())
    const second = await webhook.handle(deliver())
    expect(json(first)).toEqual({ handled: { id: 7, text: 'Grüße aus Köln 👋' } })
    expect(second.status).toBe(200)
    expect(json(second)).toEqual({})
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('dispatches deliveries with different keys', async () => {
    const { webhook, handler } = setup()
    await webhook.handle(deliver('{"id":1}'))
    await webhook.handle(deliver('{"id":2}'))
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('does not de-duplicate when the key function returns undefined', async () => {
    const handler = vi.fn(() => 'ok')
    const webhook = createWebhook(
      generic({
        verify: secretToken({ header: 'x-token', token }),
        idempotencyKey: () => undefined,
      }),
    ).on('*', handler)
    await webhook.handle(deliver())
    await webhook.handle(deliver())
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('does not claim the key of a delivery that failed verification', async () => {
    const { webhook, handler } = setup()
    const forged = await webhook.handle(deliver(DELIVERY, { 'X-Token': 'wrong' }))
    const genuine = await webhook.handle(deliver())
    expect(forged.status).toBe(401)
    expect(genuine.status).toBe(200)
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('releases the key of a delivery whose handler threw, so the retry is processed', async () => {
    const failure = new Error('database down')
    const handler = vi.fn().mockRejectedValueOnce(failure).mockResolvedValueOnce('stored')
    const onError = vi.fn()
    const webhook = createWebhook(platform()).on('*', handler).onError(onError)
    const first = await webhook.handle(deliver())
    const retry = await webhook.handle(deliver())
    expect(first.status).toBe(500)
    expect(json(first)).toMatchObject({ error: 'handler_failed' })
    expect(onError).toHaveBeenCalledWith(failure, expect.objectContaining({ name: '*' }))
    expect(json(retry)).toBe('stored')
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('logs, and still answers 500, when the key cannot be released', async () => {
    const logger = { warn: vi.fn(), error: vi.fn() }
    const store: IdempotencyStore = {
      claim: () => true,
      release: () => {
        throw new Error('connection reset')
      },
    }
    const webhook = createWebhook(platform(), { store, logger })
      .on('*', () => {
        throw new Error('boom')
      })
      .onError(() => undefined)
    const response = await webhook.handle(deliver())
    expect(response.status).toBe(500)
    expect(logger.error).toHaveBeenCalledWith(expect.stringContaining('release'), expect.any(Error))
  })

  it('namespaces keys by platform name, so two platforms can share a store', async () => {
    const store = new MemoryStore()
    const alpha = setup({ store }, 'alpha')
    const beta = setup({ store }, 'beta')
    await alpha.webhook.handle(deliver())
    await beta.webhook.handle(deliver())
    expect(alpha.handler).toHaveBeenCalledTimes(1)
    expect(beta.handler).toHaveBeenCalledTimes(1)
    expect(store.size).toBe(2)
  })

  it('de-duplicates across two webhooks of the same platform sharing a store', async () => {
    const store = new MemoryStore()
    const one = setup({ store })
    const two = setup({ store })
    await one.webhook.handle(deliver())
    const repeat = await two.webhook.handle(deliver())
    expect(json(repeat)).toEqual({})
    expect(two.handler).not.toHaveBeenCalled()
  })

  it.each([
    ['dedupeTtlMs', { dedupeTtlMs: 60_000 }, 60_000],
    ['the one-day default', {}, 24 * 60 * 60 * 1000],
  ])('remembers a delivery for %s', async (_, options, ttl) => {
    const clock = { now: 0 }
    const store = new MemoryStore({ now: () => clock.now })
    const { webhook, handler } = setup({ ...options, store })
    await webhook.handle(deliver())
    clock.now = ttl - 1
    await webhook.handle(deliver())
    expect(handler).toHaveBeenCalledTimes(1)
    clock.now = ttl
    await webhook.handle(deliver())
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('works with a store whose operations are async', async () => {
    const keys = new Set<string>()
    const tick = () => new Promise((resolve) => setTimeout(resolve, 1))
    const store: IdempotencyStore = {
      async claim(key) {
        await tick()
        if (keys.has(key)) return false
        keys.add(key)
        return true
      },
      async release(key) {
        await tick()
        keys.delete(key)
      },
    }
    const handler = vi.fn().mockRejectedValueOnce(new Error('flaky')).mockResolvedValue('done')
    const webhook = createWebhook(platform(), { store })
      .on('*', handler)
      .onError(() => undefined)
    expect((await webhook.handle(deliver())).status).toBe(500)
    expect(json(await webhook.handle(deliver()))).toBe('done')
    expect(json(await webhook.handle(deliver()))).toEqual({})
    expect(handler).toHaveBeenCalledTimes(2)
    expect([...keys]).toEqual(['generic:7'])
  })
})

describe('when the store fails', () => {
  it('refuses with 503 store_unavailable, runs nothing and logs it by default (fail-closed)', async () => {
    const logger = { warn: vi.fn(), error: vi.fn() }
    const { webhook, handler } = setup({ store: failingStore(), logger })
    const response = await webhook.handle(deliver())
    expect(response.status).toBe(503)
    expect(json(response)).toEqual({ error: 'store_unavailable', message: expect.any(String) })
    expect(handler).not.toHaveBeenCalled()
    expect(logger.error).toHaveBeenCalledWith(
      expect.stringContaining('idempotency store'),
      expect.anything(),
    )
  })

  it('refuses with 503 when the store rejects asynchronously', async () => {
    const store: IdempotencyStore = {
      claim: () => Promise.reject(new Error('timeout')),
      release: () => undefined,
    }
    const onError = vi.fn()
    const { webhook, handler } = setup({ store, onStoreError: 'fail-closed' })
    webhook.onError(onError)
    expect((await webhook.handle(deliver())).status).toBe(503)
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ code: 'store_unavailable' }),
      undefined,
    )
    expect(handler).not.toHaveBeenCalled()
  })

  it('dispatches without de-duplication and warns when fail-open', async () => {
    const logger = { warn: vi.fn(), error: vi.fn() }
    const { webhook, handler } = setup({
      store: failingStore(),
      onStoreError: 'fail-open',
      logger,
    })
    const response = await webhook.handle(deliver())
    expect(response.status).toBe(200)
    expect(json(response)).toEqual({ handled: { id: 7, text: 'Grüße aus Köln 👋' } })
    expect(handler).toHaveBeenCalledTimes(1)
    expect(logger.warn).toHaveBeenCalledTimes(1)
    expect(logger.warn).toHaveBeenCalledWith(
      expect.stringContaining('idempotency store'),
      expect.objectContaining({ message: 'connection refused' }),
    )
    expect(logger.error).not.toHaveBeenCalled()
  })
})

describe('de-duplication property', () => {
  it('dispatches each distinct key exactly once when deliveries race', async () => {
    const delivery = fc.record({ id: fc.integer({ min: 1, max: 6 }), delay: fc.nat({ max: 3 }) })
    await fc.assert(
      fc.asyncProperty(fc.array(delivery, { minLength: 1, maxLength: 20 }), async (deliveries) => {
        const counts = new Map<number, number>()
        const webhook = createWebhook(platform()).on('*', async ({ payload }) => {
          const { id, delay } = payload as { id: number; delay: number }
          counts.set(id, (counts.get(id) ?? 0) + 1)
          await new Promise((resolve) => setTimeout(resolve, delay))
          return { id }
        })
        const responses = await Promise.all(
          deliveries.map(({ id, delay }) =>
            webhook.handle(deliver(`{"id":${id},"delay":${delay}}`)),
          ),
        )
        const distinct = new Set(deliveries.map(({ id }) => id))
        expect([...counts.keys()].sort()).toEqual([...distinct].sort())
        expect([...counts.values()].every((count) => count === 1)).toBe(true)
        expect(responses.every((response) => response.status === 200)).toBe(true)
        const replies = responses.map(json).filter((body) => JSON.stringify(body) !== '{}')
        expect(replies).toHaveLength(distinct.size)
      }),
      { numRuns: 50 },
    )
  })
})
