import { createWebhook } from '@chathooks/core'
import { assembleTurn, type CallbackPayload, httpBot, LangBotError } from '@chathooks/core/langbot'
import { langbot, toRequest } from '@chathooks/core/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  type Action,
  bot,
  gate,
  NOWHERE,
  type Receiver,
  receiver,
  SECRET,
  textOf,
} from './harness.ts'

let open: Receiver[] = []
async function listen(...args: Parameters<typeof receiver>): Promise<Receiver> {
  const started = await receiver(...args)
  open.push(started)
  return started
}
afterEach(async () => {
  vi.useRealTimers()
  await Promise.all(open.map((server) => server.close()))
  open = []
})

/** A handler that replies `count` parts, `part 1` … `part N`, the last by returning it. */
const replies =
  (count: number) =>
  ({ reply }: { reply: (text: string) => void }) => {
    for (let index = 1; index < count; index++) reply(`part ${index}`)
    return `part ${count}`
  }

const attemptsOf = (callbacks: Receiver, sequence: number, sessionId = 'ticket-10293') =>
  callbacks.attempts.filter(
    ({ part }) => part.sequence === sequence && part.session_id === sessionId,
  )

describe('httpBot callback delivery against a real receiver', () => {
  it('delivers every part that can be delivered exactly once, in order, whatever the receiver does', async () => {
    const script: Record<number, Action[]> = {
      1: [500, 'pass'],
      2: ['delay', 'pass'],
      3: ['destroy', 'pass'],
      4: [404],
      5: ['pass'],
    }
    const callbacks = await listen(
      (part, attempt) => script[part.sequence]?.[attempt - 1] ?? 'pass',
      { delayMs: 150 },
    )
    const { webhook, errors } = bot({ callbackUrl: callbacks.url, callbackTimeoutMs: 50 })
    webhook.on('message', replies(5))
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await webhook.close()
    // close() returned: nothing is left in flight, and the handler saw each part once.
    expect(callbacks.parts.map((part) => part.sequence)).toEqual([1, 2, 3, 5])
    expect(callbacks.parts.map(textOf)).toEqual(['part 1', 'part 2', 'part 3', 'part 5'])
    for (const [sequence, actions] of Object.entries(script)) {
      const attempts = attemptsOf(callbacks, Number(sequence))
      expect(attempts.map((attempt) => attempt.action)).toEqual(actions)
      // A retry is the same request again: same bytes, same timestamp, same signature.
      expect(new Set(attempts.map((a) => `${a.timestamp} ${a.signature} ${a.text}`)).size).toBe(1)
    }
    expect(errors).toEqual([
      expect.objectContaining({ code: 'callback_rejected', status: 404, sequence: 4 }),
    ])
    expect(errors[0]).toBeInstanceOf(LangBotError)
  })

  it('sends a part only after the previous one of its session was acknowledged', async () => {
    const first = gate<Action>()
    const callbacks = await listen((part) => (part.sequence === 1 ? first.promise : 'pass'))
    const { webhook } = bot({ callbackUrl: callbacks.url, callbackTimeoutMs: 5_000 })
    webhook.on('message', replies(3))
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await vi.waitFor(() => expect(callbacks.arrived).toHaveLength(1))
    // Parts 2 and 3 are ready, but wait behind part 1.
    expect(callbacks.arrived.map((part) => part.sequence)).toEqual([1])
    first.open('pass')
    await webhook.close()
    expect(callbacks.attempts.map((attempt) => attempt.part.sequence)).toEqual([1, 2, 3])
  })

  it('gives up after the last retry and reports callback_failed with the status', async () => {
    const callbacks = await listen(() => 503)
    const { webhook, errors } = bot({ callbackUrl: callbacks.url, callbackRetries: 2 })
    webhook.on('message', () => 'lost')
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await webhook.close()
    expect(callbacks.attempts).toHaveLength(3)
    expect(callbacks.parts).toEqual([])
    expect(errors).toEqual([
      expect.objectContaining({ code: 'callback_failed', status: 503, sequence: 1 }),
    ])
  })

  it('reports a receiver that refuses connections as callback_failed with the cause', async () => {
    const { webhook, errors } = bot({ callbackUrl: NOWHERE, callbackRetries: 1 })
    webhook.on('message', () => 'nobody listens')
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await webhook.close()
    expect(errors).toEqual([
      expect.objectContaining({
        code: 'callback_failed',
        status: undefined,
        cause: expect.anything(),
      }),
    ])
    expect(String((errors[0] as Error).message)).not.toContain(SECRET)
  })

  it('keeps two sessions apart: one failing receiver never holds up the other', async () => {
    const bDone = gate<Action>()
    const callbacks = await listen((part, attempt) => {
      if (part.session_id === 'b') {
        if (part.is_final) setTimeout(() => bDone.open('pass'), 0)
        return 'pass'
      }
      // Session a fails once, then its part waits until b has delivered its final part.
      return attempt === 1 ? 500 : bDone.promise
    })
    const { webhook } = bot({ callbackUrl: callbacks.url, callbackTimeoutMs: 5_000 })
    webhook.on('message', replies(3))
    await webhook.handle(await langbot.push({ secret: SECRET, sessionId: 'a' }))
    await webhook.handle(await langbot.push({ secret: SECRET, sessionId: 'b' }))
    await webhook.close()
    const order = callbacks.parts.map((part) => `${part.session_id}${part.sequence}`)
    expect(order).toEqual(['b1', 'b2', 'b3', 'a1', 'a2', 'a3'])
  })

  it('drops the oldest waiting part past maxQueuedParts and reports it', async () => {
    const first = gate<Action>()
    const callbacks = await listen((part) => (part.sequence === 1 ? first.promise : 'pass'))
    const { webhook, errors } = bot({
      callbackUrl: callbacks.url,
      callbackTimeoutMs: 5_000,
      maxQueuedParts: 2,
    })
    webhook.on('message', replies(5))
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await vi.waitFor(() => expect(errors).toHaveLength(2))
    first.open('pass')
    await webhook.close()
    expect(callbacks.parts.map((part) => part.sequence)).toEqual([1, 4, 5])
    expect(errors).toEqual([
      expect.objectContaining({ code: 'callback_dropped', sequence: 2 }),
      expect.objectContaining({ code: 'callback_dropped', sequence: 3 }),
    ])
    expect(assembleTurn(callbacks.parts as CallbackPayload[])).toMatchObject({
      complete: false,
      missing: [2, 3],
    })
  })

  it('counts parts waiting for delivery against maxInFlight', async () => {
    const held = gate<Action>()
    const callbacks = await listen(() => held.promise)
    const { webhook } = bot({
      callbackUrl: callbacks.url,
      callbackTimeoutMs: 5_000,
      maxInFlight: 2,
    })
    webhook.on('message', replies(2))
    expect((await webhook.handle(await langbot.push({ secret: SECRET }))).status).toBe(202)
    await vi.waitFor(() => expect(callbacks.arrived).toHaveLength(1))
    // The turn is over, but its two parts are still owed.
    expect((await webhook.handle(await langbot.push({ secret: SECRET }))).status).toBe(503)
    held.open('pass')
    await vi.waitFor(() => expect(callbacks.parts).toHaveLength(2))
    await vi.waitFor(async () => {
      expect((await webhook.handle(await langbot.push({ secret: SECRET }))).status).toBe(202)
    })
    await webhook.close()
  })

  it('hands every part to waitUntil when a runtime provides it', async () => {
    const callbacks = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url })
    webhook.on('message', replies(2))
    const kept: Promise<unknown>[] = []
    const push = toRequest(await langbot.push({ secret: SECRET }))
    const response = await webhook.fetch(push, { waitUntil: (work) => kept.push(work) })
    expect(response.status).toBe(202)
    // The turn, then one promise per part once the handler has produced them.
    await kept[0]
    await Promise.all(kept)
    expect(callbacks.parts.map(textOf)).toEqual(['part 1', 'part 2'])
  })
})

describe('httpBot retry timing', () => {
  /**
   * The schedule is about timers, not sockets, so a fetch stand-in answers here: `answer`
   * decides each call, and `next()` resolves at the following call.
   */
  function timed(answer: (call: number, init: RequestInit) => Promise<Response>, extra = {}) {
    const errors: unknown[] = []
    let calls = 0
    let arrived: () => void = () => undefined
    const next = () =>
      new Promise<void>((resolve) => {
        arrived = resolve
      })
    const fetch = (_url: unknown, init?: RequestInit) => {
      calls++
      arrived()
      return answer(calls, init ?? {})
    }
    const webhook = createWebhook(
      httpBot({
        inboundSecret: SECRET,
        callbackUrl: NOWHERE,
        fetch: fetch as typeof globalThis.fetch,
        ...extra,
      }),
    )
      .on('message', () => 'hello')
      .onError((error) => {
        errors.push(error)
      })
    return { webhook, errors, next, calls: () => calls }
  }

  it('retries after 1, 2, 4 … s, capped at 30 s, with the defaults', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { webhook, errors, next, calls } = timed(
      async () => new Response(null, { status: 500 }),
      {
        callbackRetries: 7,
      },
    )
    const first = next()
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await first
    const gaps: number[] = []
    while (calls() < 8) {
      const before = calls()
      let waited = 0
      while (calls() === before) {
        await vi.advanceTimersByTimeAsync(500)
        waited += 500
      }
      gaps.push(waited)
    }
    expect(gaps).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000])
    await webhook.close()
    expect(errors).toEqual([expect.objectContaining({ code: 'callback_failed', status: 500 })])
  })

  it('abandons an attempt after 15 s by default and retries it', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const signals: AbortSignal[] = []
    const { webhook, errors, next, calls } = timed(
      (call, init) =>
        new Promise<Response>((resolve, reject) => {
          const signal = init.signal as AbortSignal
          signals.push(signal)
          if (call > 1) resolve(new Response(null, { status: 200 }))
          signal.addEventListener('abort', () => reject(signal.reason))
        }),
    )
    const first = next()
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await first
    await vi.advanceTimersByTimeAsync(14_999)
    expect(signals[0]?.aborted).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(signals[0]?.aborted).toBe(true)
    await vi.advanceTimersByTimeAsync(1_000)
    await webhook.close()
    expect(calls()).toBe(2)
    expect(errors).toEqual([])
  })
})
