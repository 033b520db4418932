import { createWebhook } from '@chathooks/core'
import {
  assembleTurn,
  type CallbackPayload,
  callbackReceiver,
  createTurnAssembler,
} from '@chathooks/core/langbot'
import { langbot, request, sign } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { OUTBOUND } from './harness.ts'

function receiving() {
  const seen = vi.fn()
  const webhook = createWebhook(callbackReceiver({ secret: OUTBOUND })).on(
    'reply',
    ({ payload }) => {
      seen(payload)
    },
  )
  return { webhook, seen }
}

const part = (sequence: number, extra: Partial<CallbackPayload> = {}): CallbackPayload => ({
  session_id: 's-1',
  reply_to: 'in_1',
  sequence,
  is_final: false,
  stream: false,
  message: [{ type: 'Plain', text: `p${sequence}` }],
  timestamp: '2024-06-10T06:13:21Z',
  ...extra,
})

describe.each(entries)('callbackReceiver through %s', (_, send) => {
  it('answers 200 {"ok":true} and gives the reply handler the typed part', async () => {
    const { webhook, seen } = receiving()
    const callback = await langbot.callback({ secret: OUTBOUND, replyTo: 'in_7', sequence: 2 })
    const answer = await send(webhook, callback)
    expect(answer).toMatchObject({ status: 200, json: { ok: true } })
    expect(seen).toHaveBeenCalledExactlyOnceWith({
      session_id: 'ticket-10293',
      reply_to: 'in_7',
      sequence: 2,
      is_final: true,
      stream: false,
      message: [{ type: 'Plain', text: 'Fixed. Try again now.' }],
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    })
  })

  it('acknowledges a part it already has without running the handler again', async () => {
    const { webhook, seen } = receiving()
    const options = { secret: OUTBOUND, replyTo: 'in_7', sequence: 1 }
    expect((await send(webhook, await langbot.callback(options))).json).toEqual({ ok: true })
    expect((await send(webhook, await langbot.callback(options))).json).toEqual({ ok: true })
    await send(webhook, await langbot.callback({ ...options, sequence: 2 }))
    await send(webhook, await langbot.callback({ ...options, replyTo: 'in_8' }))
    await send(webhook, await langbot.callback({ ...options, sessionId: 'other' }))
    expect(seen).toHaveBeenCalledTimes(4)
  })

  it('tells apart unsolicited parts, which all have reply_to "" and sequence 1, by their time', async () => {
    const { webhook, seen } = receiving()
    const first = { secret: OUTBOUND, replyTo: '', timestamp: '2024-06-10T06:13:21.000001' }
    await send(webhook, await langbot.callback(first))
    await send(webhook, await langbot.callback(first))
    await send(webhook, await langbot.callback({ ...first, timestamp: '2024-06-10T06:13:22.5' }))
    expect(seen).toHaveBeenCalledTimes(2)
  })

  it.each([
    ['tampered', { tamper: true }],
    ['unsigned', { unsigned: true }],
    ['replayed', { age: 301 }],
    ['signed ahead of time', { age: -301 }],
  ])('refuses a %s part with 401', async (_label, options) => {
    const { webhook, seen } = receiving()
    const answer = await send(webhook, await langbot.callback({ secret: OUTBOUND, ...options }))
    expect(answer.status).toBe(401)
    expect(seen).not.toHaveBeenCalled()
  })

  it.each([
    ['a sequence of 0', { sequence: 0 }],
    ['no is_final', { is_final: undefined }],
    ['a message that is not a list', { message: 'hi' }],
  ])('refuses a part with %s as 400 invalid_payload', async (_label, change) => {
    const { webhook } = receiving()
    const body = JSON.stringify({ ...part(1), ...change })
    const timestamp = String(Math.floor(Date.now() / 1000))
    const signature = await sign(`${timestamp}.${body}`, { secret: OUTBOUND, prefix: 'sha256=' })
    const answer = await send(
      webhook,
      request({ body, headers: { 'X-LB-Timestamp': timestamp, 'X-LB-Signature': signature } }),
    )
    expect(answer).toMatchObject({ status: 400, json: { error: 'invalid_payload' } })
  })

  it('answers 500 when the handler throws, and takes the retry', async () => {
    const handler = vi.fn().mockRejectedValueOnce(new Error('db down')).mockResolvedValue(undefined)
    const webhook = createWebhook(callbackReceiver({ secret: OUTBOUND }))
      .on('reply', handler)
      .onError(() => undefined)
    const callback = await langbot.callback({ secret: OUTBOUND, replyTo: 'in_9' })
    expect((await send(webhook, callback)).status).toBe(500)
    expect((await send(webhook, callback)).status).toBe(200)
    expect(handler).toHaveBeenCalledTimes(2)
  })
})

describe('assembleTurn', () => {
  it('orders parts that arrived out of order and keeps one of each', () => {
    const turn = assembleTurn([part(3, { is_final: true }), part(1), part(2), part(1)])
    expect(turn.parts.map((p) => p.sequence)).toEqual([1, 2, 3])
    expect(turn.message).toEqual([
      { type: 'Plain', text: 'p1' },
      { type: 'Plain', text: 'p2' },
      { type: 'Plain', text: 'p3' },
    ])
    expect(turn).toMatchObject({ sessionId: 's-1', replyTo: 'in_1', complete: true, missing: [] })
  })

  it.each([
    ['the final part is missing', [part(1), part(2)], []],
    ['a part before the final one is missing', [part(1), part(3, { is_final: true })], [2]],
    ['only a late part arrived', [part(4)], [1, 2, 3]],
  ])('is incomplete when %s', (_label, parts, missing) => {
    expect(assembleTurn(parts)).toMatchObject({ complete: false, missing })
  })

  it('ignores parts numbered after the final one', () => {
    const turn = assembleTurn([part(1, { is_final: true }), part(2)])
    expect(turn.parts.map((p) => p.sequence)).toEqual([1])
  })

  it.each([
    ['no parts', []],
    ['parts of two turns', [part(1), part(2, { reply_to: 'in_2' })]],
    ['parts of two sessions', [part(1), part(2, { session_id: 's-2' })]],
  ])('throws a TypeError for %s', (_label, parts) => {
    expect(() => assembleTurn(parts)).toThrow(TypeError)
  })
})

describe('createTurnAssembler', () => {
  it('says a turn is complete once its last missing part arrives, in any order', () => {
    const turns = createTurnAssembler()
    expect(turns.add(part(2))).toMatchObject({ complete: false, missing: [1] })
    expect(turns.add(part(3, { is_final: true }))).toMatchObject({ complete: false, missing: [1] })
    const done = turns.add(part(1))
    expect(done).toMatchObject({ complete: true, duplicate: false })
    expect(done.message.map((segment) => ('text' in segment ? segment.text : ''))).toEqual([
      'p1',
      'p2',
      'p3',
    ])
  })

  it('flags a repeated part, also after the turn completed', () => {
    const turns = createTurnAssembler()
    turns.add(part(1, { is_final: true }))
    expect(turns.add(part(1, { is_final: true }))).toMatchObject({
      complete: true,
      duplicate: true,
    })
  })

  it('keeps turns of other sessions and pushes apart', () => {
    const turns = createTurnAssembler()
    turns.add(part(1))
    expect(turns.add(part(2, { reply_to: 'in_2', is_final: true }))).toMatchObject({
      complete: false,
      missing: [1],
    })
    expect(turns.add(part(1, { session_id: 's-2', is_final: true }))).toMatchObject({
      complete: true,
    })
  })

  it('treats every unsolicited part as a turn of its own', () => {
    const turns = createTurnAssembler()
    const unsolicited = part(1, { reply_to: '', is_final: true })
    expect(turns.add(unsolicited)).toMatchObject({ complete: true, duplicate: false })
    expect(turns.add(unsolicited)).toMatchObject({ complete: true, duplicate: false })
  })

  it('forgets the oldest turn past maxTurns', () => {
    const turns = createTurnAssembler({ maxTurns: 2 })
    turns.add(part(1, { reply_to: 'in_a' }))
    turns.add(part(1, { reply_to: 'in_b' }))
    turns.add(part(1, { reply_to: 'in_c' }))
    expect(turns.add(part(1, { reply_to: 'in_a' }))).toMatchObject({ duplicate: false })
    expect(turns.add(part(1, { reply_to: 'in_c' }))).toMatchObject({ duplicate: true })
  })
})
