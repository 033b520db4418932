import { segments } from '@chathooks/core/langbot'
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
  await Promise.all(open.map((server) => server.close()))
  open = []
})

describe.each(entries)('POST /sync through %s', (_, send) => {
  it('answers with every part collapsed into one message, and sends no callback', async () => {
    const callbacks = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url })
    let replyTo = ''
    webhook.on('message', (event) => {
      replyTo = event.replyTo
      event.reply('Checking logs…')
      event.reply([segments.plain('Found it: '), segments.image({ url: 'https://x.test/a.png' })])
      return 'Fixed.'
    })
    const answer = await send(webhook, await langbot.sync({ secret: SECRET }))
    await webhook.close()
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({
      code: 0,
      msg: 'ok',
      data: {
        session_id: 'ticket-10293',
        reply_to: replyTo,
        message: [
          { type: 'Plain', text: 'Checking logs…' },
          { type: 'Plain', text: 'Found it: ' },
          { type: 'Image', url: 'https://x.test/a.png' },
          { type: 'Plain', text: 'Fixed.' },
        ],
      },
    })
    expect(replyTo).toMatch(/^in_[0-9a-f]{32}$/)
    expect(callbacks.attempts).toEqual([])
  })

  it('answers with an empty message for a turn without a reply', async () => {
    const { webhook } = bot({ callbackUrl: 'http://127.0.0.1:9/' })
    webhook.on('message', () => undefined)
    const answer = await send(webhook, await langbot.sync({ secret: SECRET }))
    expect(answer.json).toMatchObject({ code: 0, data: { message: [] } })
  })

  it('answers at the final reply, before the handler returns', async () => {
    const { webhook } = bot({ callbackUrl: 'http://127.0.0.1:9/' })
    const later = gate()
    webhook.on('message', async ({ reply }) => {
      reply('the answer', { final: true })
      await later.promise
    })
    const answer = await send(webhook, await langbot.sync({ secret: SECRET }))
    expect(answer.json).toMatchObject({
      data: { message: [{ type: 'Plain', text: 'the answer' }] },
    })
    later.open()
    await webhook.close()
  })

  it('answers with the parts so far on timeout, and sends the later ones as callbacks', async () => {
    const callbacks = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url, syncTimeoutMs: 30 })
    const slow = gate()
    webhook.on('message', async ({ reply }) => {
      reply('early')
      await slow.promise
      reply('late')
      return 'last'
    })
    const answer = await send(webhook, await langbot.sync({ secret: SECRET }))
    expect(answer).toMatchObject({ status: 200, json: { data: { message: [{ text: 'early' }] } } })
    const replyTo = (answer.json as { data: { reply_to: string } }).data.reply_to
    slow.open()
    await webhook.close()
    // The sequence goes on from the parts the sync answer carried.
    expect(callbacks.parts.map((part) => [textOf(part), part.sequence, part.is_final])).toEqual([
      ['late', 2, false],
      ['last', 3, true],
    ])
    expect(callbacks.parts.every((part) => part.reply_to === replyTo)).toBe(true)
  })

  it('refuses a second sync of the session with 409/40901 while the first waits', async () => {
    const { webhook } = bot({ callbackUrl: 'http://127.0.0.1:9/' })
    const held = gate()
    webhook.on('message', async ({ payload }) => {
      if (textOf(payload) === 'first') await held.promise
      return `re: ${textOf(payload)}`
    })
    const first = send(webhook, await langbot.sync({ secret: SECRET, text: 'first' }))
    await settled()
    const key = 'sync-key'
    const second = await send(webhook, await langbot.sync({ secret: SECRET, idempotencyKey: key }))
    expect(second).toMatchObject({ status: 409, json: { code: 40901, data: null } })
    const elsewhere = await send(webhook, await langbot.sync({ secret: SECRET, sessionId: 'b' }))
    expect(elsewhere.status).toBe(200)
    held.open()
    expect((await first).json).toMatchObject({ data: { message: [{ text: 're: first' }] } })
    // The refused sync's key was not kept: it can be sent again now.
    const retried = await send(
      webhook,
      await langbot.sync({ secret: SECRET, idempotencyKey: key, text: 'again' }),
    )
    expect(retried.json).toMatchObject({ data: { message: [{ text: 're: again' }] } })
  })

  it('keeps a push of the session out of a waiting sync: its parts go to the callback URL', async () => {
    const callbacks = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url })
    const held = gate()
    webhook.on('message', async ({ payload }) => {
      if (textOf(payload) === 'sync') await held.promise
      return `re: ${textOf(payload)}`
    })
    const sync = send(webhook, await langbot.sync({ secret: SECRET, text: 'sync' }))
    await settled()
    expect((await send(webhook, await langbot.push({ secret: SECRET, text: 'push' }))).status).toBe(
      202,
    )
    held.open()
    expect((await sync).json).toMatchObject({ data: { message: [{ text: 're: sync' }] } })
    await webhook.close()
    expect(callbacks.parts.map(textOf)).toEqual(['re: push'])
  })

  it('counts the timeout from arrival, also while an earlier turn of the session runs', async () => {
    const callbacks = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url, syncTimeoutMs: 30 })
    const held = gate()
    webhook.on('message', async ({ payload }) => {
      if (textOf(payload) === 'push') await held.promise
      return `re: ${textOf(payload)}`
    })
    await send(webhook, await langbot.push({ secret: SECRET, text: 'push' }))
    const sync = await send(webhook, await langbot.sync({ secret: SECRET, text: 'sync' }))
    expect(sync.json).toMatchObject({ code: 0, data: { message: [] } })
    held.open()
    await webhook.close()
    expect(callbacks.parts.map(textOf)).toEqual(['re: push', 're: sync'])
  })
})

describe('the /sync timeout', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('is 60 s by default', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const { webhook } = bot({ callbackUrl: 'http://127.0.0.1:9/' })
    const held = gate()
    webhook.on('message', () => held.promise)
    let answered = false
    const sync = webhook.handle(await langbot.sync({ secret: SECRET })).then((answer) => {
      answered = true
      return answer
    })
    await vi.advanceTimersByTimeAsync(59_999)
    expect(answered).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect((await sync).status).toBe(200)
    held.open()
    await webhook.close()
  })
})
