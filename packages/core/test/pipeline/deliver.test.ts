import {
  createWebhook,
  type Delivery,
  type EventContext,
  type Platform,
  type WebhookResponse,
} from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries, SIGNED, verify } from './driver.ts'

type Events = { '*': { id: string; text: string } }
interface Helpers {
  readonly batch: number
}

const answerWith = (status: number, value: unknown): WebhookResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(value),
})

/** A platform that answers 202 at once and runs its handlers itself, merging pairs of deliveries. */
function merging() {
  const waiting: EventContext[] = []
  const platform: Platform<Events, string, Helpers> = {
    name: 'merging',
    verify: [verify],
    idempotencyKey: (payload) => (payload as { id: string }).id,
    ack: () => answerWith(200, { ack: true }),
    duplicate: () => answerWith(409, { duplicate: true }),
    reply: (value) => answerWith(200, { value }),
    helpers: () => ({ batch: 1 }),
    deliver(context, delivery) {
      waiting.push(context)
      if (waiting.length < 2) return answerWith(202, { waiting: true })
      const [first, second] = waiting.splice(0) as [EventContext, EventContext]
      const merged = {
        ...second,
        payload: {
          id: `${(first.payload as { id: string }).id}+${(second.payload as { id: string }).id}`,
          text: `${(first.payload as { text: string }).text} ${(second.payload as { text: string }).text}`,
        },
      }
      delivery.background(
        delivery.run({ context: merged, helpers: { batch: 2 } }).catch(() => undefined),
      )
      return answerWith(202, { merged: true })
    },
  }
  return createWebhook(platform)
}

const post = (id: string, text = 'hi') =>
  request({ headers: SIGNED, body: JSON.stringify({ id, text }) })

describe.each(entries)('a platform that delivers events itself, through %s', (_, send) => {
  it('answers with what deliver returns and runs handlers when it says', async () => {
    const seen = vi.fn()
    const webhook = merging().on('*', (event) => {
      seen(event.payload, event.batch)
    })
    expect((await send(webhook, post('a', 'one'))).json).toEqual({ waiting: true })
    expect(seen).not.toHaveBeenCalled()
    expect(await send(webhook, post('b', 'two'))).toMatchObject({
      status: 202,
      json: { merged: true },
    })
    await webhook.close()
    expect(seen).toHaveBeenCalledExactlyOnceWith({ id: 'a+b', text: 'one two' }, 2)
  })

  it('still answers a repeated delivery with the duplicate answer, without asking deliver', async () => {
    const webhook = merging()
    await send(webhook, post('a'))
    expect(await send(webhook, post('a'))).toMatchObject({
      status: 409,
      json: { duplicate: true },
    })
  })

  it('reports a failing run to onError and rejects it with handler_failed', async () => {
    const onError = vi.fn()
    const failure = new Error('model is down')
    let outcome: unknown
    const platform: Platform<Events, string> = {
      name: 'direct',
      verify: [verify],
      idempotencyKey: (payload) => (payload as { id: string }).id,
      ack: () => answerWith(200, {}),
      reply: (value) => answerWith(200, { value }),
      async deliver(_context, delivery) {
        outcome = await delivery.run().catch((error: unknown) => error)
        return answerWith(202, {})
      },
    }
    const handler = vi.fn().mockRejectedValueOnce(failure).mockResolvedValue('fine')
    const webhook = createWebhook(platform).on('*', handler).onError(onError)
    await send(webhook, post('a'))
    expect(outcome).toMatchObject({ code: 'handler_failed' })
    expect(onError).toHaveBeenCalledExactlyOnceWith(failure, expect.objectContaining({ name: '*' }))
    // The claim was released, so the sender's retry runs the handler again.
    await send(webhook, post('a'))
    expect(outcome).toEqual({ matched: true, value: 'fine' })
  })

  it('tells deliver which respond mode the webhook was created with', async () => {
    const modes: string[] = []
    const platform: Platform<Events> = {
      name: 'modes',
      verify: [verify],
      ack: () => answerWith(200, {}),
      reply: () => answerWith(200, {}),
      deliver(_context, delivery) {
        modes.push(delivery.respond)
        return answerWith(200, {})
      },
    }
    await send(createWebhook(platform), post('a'))
    await send(createWebhook(platform, { respond: 'ack-first' }), post('a'))
    expect(modes).toEqual(['after-handler', 'ack-first'])
  })
})

describe('background work of a platform', () => {
  const failure = new Error('the callback receiver is gone')

  function backgroundPlatform(onDeliver: (delivery: Delivery) => void) {
    const platform: Platform<Events> = {
      name: 'background',
      verify: [verify],
      idempotencyKey: (payload) => (payload as { id: string }).id,
      ack: () => answerWith(200, {}),
      duplicate: () => answerWith(409, {}),
      reply: () => answerWith(200, {}),
      deliver(_context, delivery) {
        onDeliver(delivery)
        return answerWith(202, {})
      },
    }
    return platform
  }

  it('reports a failure outside any handler to onError, without an event', async () => {
    const onError = vi.fn()
    const webhook = createWebhook(
      backgroundPlatform((delivery) => delivery.background(delivery.report(failure))),
    ).onError(onError)
    await webhook.handle(post('a'))
    await webhook.close()
    expect(onError).toHaveBeenCalledExactlyOnceWith(failure, undefined)
  })

  it('logs such a failure in its own words when nobody listens', async () => {
    const logger = { warn: vi.fn(), error: vi.fn() }
    const webhook = createWebhook(
      backgroundPlatform((delivery) => delivery.background(delivery.report(failure))),
      { logger },
    )
    await webhook.handle(post('a'))
    await webhook.close()
    expect(logger.error).toHaveBeenCalledExactlyOnceWith(
      'chathooks: the callback receiver is gone',
      failure,
    )
  })

  it.each([
    ['releases', true, 202],
    ['keeps', false, 409],
  ])(
    'answers a repeat through deliver when the platform %s the claim',
    async (_, release, second) => {
      const webhook = createWebhook(
        backgroundPlatform((delivery) => {
          if (release) delivery.background(delivery.release())
        }),
      )
      expect((await webhook.handle(post('a'))).status).toBe(202)
      await new Promise((resolve) => setTimeout(resolve, 0))
      expect((await webhook.handle(post('a'))).status).toBe(second)
    },
  )
})
