import { langbot } from '@chathooks/core/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { bot, gate, type Receiver, receiver, SECRET, textOf } from './harness.ts'

// A request's way through the pipeline is CPU work only; one turn of the loop finishes it.
const settled = () => new Promise((resolve) => setImmediate(resolve))

let open: Receiver[] = []
async function listen(): Promise<Receiver> {
  const started = await receiver()
  open.push(started)
  return started
}
afterEach(async () => {
  vi.useRealTimers()
  await Promise.all(open.map((server) => server.close()))
  open = []
})

const NO_CALLBACKS = 'http://127.0.0.1:9/'

describe.each(entries)('POST /reset through %s', (_, send) => {
  it('says whether the session was known, and forgets it', async () => {
    const { webhook } = bot({ callbackUrl: NO_CALLBACKS })
    webhook.on('message', () => undefined)
    const reset = async () => (await send(webhook, await langbot.reset({ secret: SECRET }))).json
    expect(await reset()).toEqual({
      code: 0,
      msg: 'reset',
      data: { session_id: 'ticket-10293', removed: false },
    })
    await send(webhook, await langbot.push({ secret: SECRET }))
    expect(await reset()).toMatchObject({ data: { removed: true } })
    expect(await reset()).toMatchObject({ data: { removed: false } })
  })

  it('runs the reset handlers with the session, where reply throws', async () => {
    const { webhook } = bot({ callbackUrl: NO_CALLBACKS })
    const seen = vi.fn()
    webhook.on('reset', ({ payload, reply }) => {
      seen(payload)
      expect(() => reply('hello')).toThrow(TypeError)
    })
    await send(
      webhook,
      await langbot.reset({ secret: SECRET, sessionId: 'g-1', sessionType: 'group' }),
    )
    expect(seen).toHaveBeenCalledExactlyOnceWith({ session_id: 'g-1', session_type: 'group' })
  })

  it('answers 500/50001 when a reset handler throws', async () => {
    const { webhook, errors } = bot({ callbackUrl: NO_CALLBACKS })
    webhook.on('reset', () => {
      throw new Error('history store is down')
    })
    const answer = await send(webhook, await langbot.reset({ secret: SECRET }))
    expect(answer).toMatchObject({ status: 500, json: { code: 50001, data: null } })
    expect(errors).toHaveLength(1)
  })

  it('ignores the idempotency header: a reset can be repeated', async () => {
    const { webhook } = bot({ callbackUrl: NO_CALLBACKS })
    const repeat = await langbot.reset({ secret: SECRET })
    const withKey = { ...repeat, headers: { ...repeat.headers, 'x-lb-idempotency-key': 'k' } }
    expect((await send(webhook, withKey)).status).toBe(200)
    expect((await send(webhook, withKey)).status).toBe(200)
  })

  it('drops turns that have not started, lets the running one finish, then numbers from 1', async () => {
    const callbacks = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url })
    const held = gate()
    const ran: string[] = []
    webhook.on('message', async ({ payload, reply }) => {
      ran.push(textOf(payload))
      reply(`${textOf(payload)}: 1`)
      if (textOf(payload) === 'running') await held.promise
      return `${textOf(payload)}: 2`
    })
    await send(webhook, await langbot.push({ secret: SECRET, text: 'running' }))
    await send(webhook, await langbot.push({ secret: SECRET, text: 'waiting' }))
    const waitingSync = send(webhook, await langbot.sync({ secret: SECRET, text: 'sync' }))
    await settled()
    const reset = await send(webhook, await langbot.reset({ secret: SECRET }))
    expect(reset.json).toMatchObject({ data: { removed: true } })
    expect((await waitingSync).json).toMatchObject({ code: 0, data: { message: [] } })
    await send(webhook, await langbot.push({ secret: SECRET, text: 'after' }))
    held.open()
    await webhook.close()
    expect(ran).toEqual(['running', 'after'])
    expect(callbacks.parts.map((part) => [textOf(part), part.sequence])).toEqual([
      ['running: 1', 1],
      ['running: 2', 2],
      ['after: 1', 1],
      ['after: 2', 2],
    ])
  })
})

describe('POST /reset and aggregation', () => {
  it('drops the pushes waiting in the window', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { webhook } = bot({ callbackUrl: NO_CALLBACKS, aggregateMs: 1_000 })
    const ran = vi.fn()
    webhook.on('message', ran)
    await webhook.handle(await langbot.push({ secret: SECRET, text: 'one' }))
    await webhook.handle(await langbot.push({ secret: SECRET, text: 'two' }))
    const reset = await webhook.handle(await langbot.reset({ secret: SECRET }))
    expect(JSON.parse(String(reset.body))).toMatchObject({ data: { removed: true } })
    await vi.advanceTimersByTimeAsync(1_000)
    await webhook.close()
    expect(ran).not.toHaveBeenCalled()
  })
})
