import { createHmac } from 'node:crypto'
import { createWebhook, MemoryStore } from '@chathooks/core'
import { httpBot, LangBotError, segments } from '@chathooks/core/langbot'
import { langbot, request } from '@chathooks/core/testing'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { bot, gate, OUTBOUND, type Receiver, receiver, SECRET, textOf } from './harness.ts'

let open: Receiver[] = []
async function listen(...args: Parameters<typeof receiver>): Promise<Receiver> {
  const started = await receiver(...args)
  open.push(started)
  return started
}
afterEach(async () => {
  await Promise.all(open.map((server) => server.close()))
  open = []
})

/** A push of exactly `body`, signed as a LangBot client signs it. */
async function signedBody(body: string) {
  const timestamp = String(Math.floor(Date.now() / 1000))
  const signature = createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex')
  return request({
    body,
    headers: { 'X-LB-Timestamp': timestamp, 'X-LB-Signature': `sha256=${signature}` },
  })
}

const accepted = async (response: { body: string | Uint8Array }) =>
  JSON.parse(String(response.body)).data.accepted_message_id as string

describe('httpBot turns', () => {
  it('sends each reply as one callback, in order, the returned value last and final', async () => {
    const callbacks = await listen()
    const now = Date.now()
    const { webhook, errors } = bot({ callbackUrl: callbacks.url, now: () => now })
    webhook.on('message', ({ reply }) => {
      reply('Checking logs…')
      reply('Found 2 failed exports.', { stream: true })
      return 'Fixed. Try again now.'
    })
    const replyTo = await accepted(await webhook.handle(await langbot.push({ secret: SECRET })))
    await webhook.close()
    expect(errors).toEqual([])
    expect(callbacks.parts.map((part) => [part.sequence, part.is_final, part.stream])).toEqual([
      [1, false, false],
      [2, false, true],
      [3, true, false],
    ])
    expect(callbacks.parts.map(textOf)).toEqual([
      'Checking logs…',
      'Found 2 failed exports.',
      'Fixed. Try again now.',
    ])
    // The exact bytes: LangBot's field order, the session and the push the part answers.
    expect(callbacks.attempts[0]?.text).toBe(
      JSON.stringify({
        session_id: 'ticket-10293',
        reply_to: replyTo,
        sequence: 1,
        is_final: false,
        stream: false,
        message: [{ type: 'Plain', text: 'Checking logs…' }],
        timestamp: new Date(now).toISOString(),
      }),
    )
  })

  it('signs every callback with the outbound secret over timestamp.body', async () => {
    const callbacks = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url })
    webhook.on('message', () => 'hello')
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await webhook.close()
    const [attempt] = callbacks.attempts
    const expected = createHmac('sha256', OUTBOUND)
      .update(`${attempt?.timestamp}.${attempt?.text}`)
      .digest('hex')
    expect(attempt?.signature).toBe(`sha256=${expected}`)
    expect(Number(attempt?.timestamp)).toBeCloseTo(Date.now() / 1000, -2)
  })

  it('signs with the inbound secret when no outbound secret is set', async () => {
    const callbacks = await listen(undefined, { secret: SECRET })
    const webhook = createWebhook(
      httpBot({ inboundSecret: [SECRET, 'older'], callbackUrl: callbacks.url }),
    ).on('message', () => 'hello')
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await webhook.close()
    expect(callbacks.parts.map(textOf)).toEqual(['hello'])
  })

  it('marks the last reply final when the handler returns nothing', async () => {
    const callbacks = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url })
    webhook.on('message', ({ reply }) => {
      reply('one')
      reply([segments.plain('two '), segments.image({ url: 'https://example.com/a.png' })])
    })
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await webhook.close()
    expect(callbacks.parts.map((part) => [part.sequence, part.is_final])).toEqual([
      [1, false],
      [2, true],
    ])
    expect(callbacks.parts[1]?.message).toEqual([
      { type: 'Plain', text: 'two ' },
      { type: 'Image', url: 'https://example.com/a.png' },
    ])
  })

  it('sends nothing for a turn without a reply', async () => {
    const callbacks = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url })
    const ran = vi.fn()
    webhook.on('message', ran)
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await webhook.close()
    expect(ran).toHaveBeenCalledOnce()
    expect(callbacks.attempts).toEqual([])
  })

  it('ends the turn at a final reply; a later reply throws turn_ended', async () => {
    const callbacks = await listen()
    const { webhook, errors } = bot({ callbackUrl: callbacks.url })
    let later: unknown
    webhook.on('message', ({ reply }) => {
      reply('done', { final: true })
      try {
        reply('too late')
      } catch (error) {
        later = error
      }
      return 'also too late'
    })
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await webhook.close()
    expect(callbacks.parts.map((part) => [textOf(part), part.is_final])).toEqual([['done', true]])
    expect(later).toBeInstanceOf(LangBotError)
    expect(later).toMatchObject({ code: 'turn_ended' })
    expect(errors).toEqual([expect.objectContaining({ code: 'turn_ended' })])
  })

  it('throws a TypeError for content that is not a reply, and sends nothing for it', async () => {
    const callbacks = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url })
    const thrown: unknown[] = []
    webhook.on('message', ({ reply }) => {
      for (const bad of [42, [{ type: 'Plain' }], [{ type: 'Sticker' }], null]) {
        try {
          reply(bad as never)
        } catch (error) {
          thrown.push(error)
        }
      }
      try {
        reply('ok', { streaming: true } as never)
      } catch (error) {
        thrown.push(error)
      }
      return 'fine'
    })
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await webhook.close()
    expect(thrown).toHaveLength(5)
    for (const error of thrown) expect(error).toBeInstanceOf(TypeError)
    expect(callbacks.parts.map(textOf)).toEqual(['fine'])
  })

  it('reports a throwing handler and still closes the turn with the part it held', async () => {
    const callbacks = await listen()
    const { webhook, errors } = bot({ callbackUrl: callbacks.url })
    const failure = new Error('model is down')
    webhook.on('message', ({ reply }) => {
      reply('Looking into it')
      throw failure
    })
    await webhook.handle(await langbot.push({ secret: SECRET }))
    await webhook.close()
    expect(errors).toEqual([failure])
    expect(callbacks.parts.map((part) => [textOf(part), part.is_final])).toEqual([
      ['Looking into it', true],
    ])
  })

  it('runs the turns of one session one at a time, each numbered from 1', async () => {
    const callbacks = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url })
    const first = gate()
    const started: string[] = []
    webhook.on('message', async ({ payload, reply }) => {
      const text = textOf(payload)
      started.push(text)
      reply(`${text}: 1`)
      if (text === 'first') await first.promise
      return `${text}: 2`
    })
    await webhook.handle(await langbot.push({ secret: SECRET, text: 'first' }))
    await webhook.handle(await langbot.push({ secret: SECRET, text: 'second' }))
    await webhook.handle(await langbot.push({ secret: SECRET, text: 'elsewhere', sessionId: 'b' }))
    await vi.waitFor(() => expect(started).toEqual(['first', 'elsewhere']))
    first.open()
    await webhook.close()
    expect(started).toEqual(['first', 'elsewhere', 'second'])
    const ticket = callbacks.parts.filter((part) => part.session_id === 'ticket-10293')
    expect(ticket.map((part) => [textOf(part), part.sequence])).toEqual([
      ['first: 1', 1],
      ['first: 2', 2],
      ['second: 1', 1],
      ['second: 2', 2],
    ])
  })

  it('gives the handler a typed payload, reply_to and the pushes of the turn', async () => {
    const { webhook } = bot({ callbackUrl: 'http://127.0.0.1:9/' })
    const seen = vi.fn()
    webhook.on('message', ({ payload, replyTo, pushes }) => {
      seen(payload, replyTo, pushes)
    })
    const body = JSON.stringify({
      session_id: 10293,
      sender: { id: 5567 },
      message: [{ type: 'At', target: 1, display: null }],
    })
    const replyTo = await accepted(await webhook.handle(await signedBody(body)))
    await webhook.close()
    const payload = { session_id: '10293', session_type: 'person', sender: { id: '5567' } }
    expect(seen).toHaveBeenCalledExactlyOnceWith(
      { ...payload, message: [{ type: 'At', target: 1, display: null }] },
      replyTo,
      [{ acceptedMessageId: replyTo, payload: expect.objectContaining(payload) }],
    )
  })

  it('sends every part to the configured callbackUrl, whatever a push asks for', async () => {
    const callbacks = await listen()
    const elsewhere = await listen()
    const { webhook } = bot({ callbackUrl: callbacks.url })
    webhook.on('message', () => 'answer')
    const body = JSON.stringify({
      session_id: 's-1',
      callback_url: elsewhere.url,
      message: [{ type: 'Plain', text: 'hi' }],
    })
    await webhook.handle(await signedBody(body))
    await webhook.close()
    expect(callbacks.parts.map(textOf)).toEqual(['answer'])
    expect(elsewhere.attempts).toEqual([])
  })

  it('de-duplicates pushes across instances that share a store', async () => {
    const store = new MemoryStore()
    const { webhook: one } = bot({ callbackUrl: 'http://127.0.0.1:9/' }, { store })
    const { webhook: two } = bot({ callbackUrl: 'http://127.0.0.1:9/' }, { store })
    const push = await langbot.push({ secret: SECRET, idempotencyKey: 'shared-1' })
    expect((await one.handle(push)).status).toBe(202)
    expect((await two.handle(push)).status).toBe(409)
    expect((await two.handle(await langbot.push({ secret: SECRET }))).status).toBe(202)
  })

  it('forgets the key of a push whose handler threw, so the sender can push it again', async () => {
    const { webhook, errors } = bot({ callbackUrl: 'http://127.0.0.1:9/' })
    const handler = vi.fn().mockRejectedValueOnce(new Error('flaky')).mockResolvedValue(undefined)
    webhook.on('message', handler)
    const push = await langbot.push({ secret: SECRET, idempotencyKey: 'retry-me' })
    expect((await webhook.handle(push)).status).toBe(202)
    await vi.waitFor(() => expect(errors).toHaveLength(1))
    expect((await webhook.handle(push)).status).toBe(202)
    await webhook.close()
    expect(handler).toHaveBeenCalledTimes(2)
  })
})
