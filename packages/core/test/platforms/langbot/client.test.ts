import { createHmac } from 'node:crypto'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createWebhook } from '@chathooks/core'
import {
  createHttpBotClient,
  createTurnAssembler,
  httpBot,
  LangBotError,
  segments,
} from '@chathooks/core/langbot'
import { afterEach, describe, expect, it } from 'vitest'
import { serve } from '../../support/serve.ts'
import { OUTBOUND, type Receiver, receiver, SECRET, textOf } from './harness.ts'

interface Seen {
  readonly url: string
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

const closers: (() => Promise<void>)[] = []
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()))
})

/** A plain node:http server that records requests and answers `status` with `body`. */
async function recorder(status = 202, body = '{"code":0,"msg":"accepted","data":null}') {
  const seen: Seen[] = []
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      seen.push({
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString(),
      })
      res.writeHead(status, { 'content-type': 'application/json' }).end(body)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  closers.push(
    () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  )
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

const NOW = 1_718_000_000_500
const expectedSignature = (timestamp: string, body: string, secret = SECRET) =>
  `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`

describe('createHttpBotClient signing, as LangBot reference clients sign', () => {
  it('pushes to the URL with Unix seconds, sha256=<hex> over timestamp.body and a fresh UUID key', async () => {
    const bot = await recorder()
    const client = createHttpBotClient({
      url: `${bot.url}/bots/b1/`,
      secret: SECRET,
      now: () => NOW,
    })
    await client.push('ticket-10293', 'Export keeps failing on the dashboard.')
    await client.push('ticket-10293', 'again')
    const [first, second] = bot.seen
    expect(first?.url).toBe('/bots/b1')
    expect(first?.body).toBe(
      '{"session_id":"ticket-10293","session_type":"person","message":[{"type":"Plain","text":"Export keeps failing on the dashboard."}]}',
    )
    expect(first?.headers['content-type']).toBe('application/json')
    expect(first?.headers['x-lb-timestamp']).toBe('1718000000')
    expect(first?.headers['x-lb-signature']).toBe(
      expectedSignature('1718000000', first?.body ?? ''),
    )
    const key = first?.headers['x-lb-idempotency-key']
    expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(second?.headers['x-lb-idempotency-key']).not.toBe(key)
  })

  it('sends no idempotency key on sync and reset, each on its sub-path', async () => {
    const bot = await recorder(200)
    const client = createHttpBotClient({ url: bot.url, secret: SECRET })
    await client.sync('s-1', [segments.plain('hi')], {
      sessionType: 'group',
      sender: { name: 'Bo' },
    })
    await client.reset('s-1')
    expect(bot.seen.map((seen) => seen.url)).toEqual(['/sync', '/reset'])
    expect(bot.seen.map((seen) => seen.headers['x-lb-idempotency-key'])).toEqual([
      undefined,
      undefined,
    ])
    expect(bot.seen.map((seen) => seen.body)).toEqual([
      '{"session_id":"s-1","session_type":"group","sender":{"name":"Bo"},"message":[{"type":"Plain","text":"hi"}]}',
      '{"session_id":"s-1","session_type":"person"}',
    ])
    for (const seen of bot.seen) {
      const timestamp = seen.headers['x-lb-timestamp'] as string
      expect(seen.headers['x-lb-signature']).toBe(expectedSignature(timestamp, seen.body))
    }
  })

  it('resends a push with the key it is given', async () => {
    const bot = await recorder()
    const client = createHttpBotClient({ url: bot.url, secret: SECRET })
    await client.push('s-1', 'hi', { idempotencyKey: 'order-42' })
    expect(bot.seen[0]?.headers['x-lb-idempotency-key']).toBe('order-42')
  })

  it('resolves with the envelope and its status, error envelopes included', async () => {
    const refusal = '{"code":40101,"msg":"invalid signature","data":null}'
    const bot = await recorder(401, refusal)
    const client = createHttpBotClient({ url: bot.url, secret: SECRET })
    expect(await client.push('s-1', 'hi')).toEqual({
      status: 401,
      code: 40101,
      msg: 'invalid signature',
      data: null,
    })
  })

  it.each([
    ['an HTML page', '<html>Bad gateway</html>'],
    ['JSON without a code', '{"error":"nope"}'],
    ['an empty body', ''],
  ])('rejects with invalid_response on %s', async (_label, body) => {
    const bot = await recorder(502, body)
    const client = createHttpBotClient({ url: bot.url, secret: SECRET })
    const failure = await client.reset('s-1').catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(LangBotError)
    expect(failure).toMatchObject({ code: 'invalid_response', status: 502 })
  })

  it('rejects with network_error when nothing answers, and never names the secret', async () => {
    const client = createHttpBotClient({ url: 'http://127.0.0.1:9/bots/x', secret: SECRET })
    const failure = await client.push('s-1', 'hi').catch((error: unknown) => error)
    expect(failure).toMatchObject({ code: 'network_error', cause: expect.anything() })
    expect((failure as Error).message).not.toContain(SECRET)
  })

  it('rejects with a TypeError, before sending, content that is not a message', async () => {
    const bot = await recorder()
    const client = createHttpBotClient({ url: bot.url, secret: SECRET })
    await expect(client.push('s-1', [{ type: 'Sticker' }] as never)).rejects.toThrow(TypeError)
    await expect(client.sync('s-1', 42 as never)).rejects.toThrow(TypeError)
    expect(bot.seen).toEqual([])
  })
})

describe('createHttpBotClient against httpBot, with a receiver, all over real HTTP', () => {
  it('pushes, syncs and resets, and every callback arrives signed and in order', async () => {
    const callbacks: Receiver = await receiver()
    closers.push(() => callbacks.close())
    const turns = createTurnAssembler()
    const completed: string[] = []
    const errors: unknown[] = []
    const webhook = createWebhook(
      httpBot({ inboundSecret: SECRET, outboundSecret: OUTBOUND, callbackUrl: callbacks.url }),
    )
      .on('message', ({ payload, reply }) => {
        reply(`Looking into ${payload.session_id}…`)
        return `Done: ${textOf(payload)}`
      })
      .onError((error) => {
        errors.push(error)
      })
    const served = await serve(webhook)
    closers.push(() => served.close())
    const client = createHttpBotClient({ url: `${served.url}/`, secret: SECRET })

    const pushed = await client.push('ticket-1', 'Export fails', { idempotencyKey: 'once' })
    expect(pushed).toMatchObject({
      status: 202,
      code: 0,
      msg: 'accepted',
      data: { session_id: 'ticket-1', aggregating: false },
    })
    const again = await client.push('ticket-1', 'Export fails', { idempotencyKey: 'once' })
    expect(again).toMatchObject({ status: 409, code: 40901, data: null })

    const synced = await client.sync('ticket-2', 'Quick question')
    expect(synced).toMatchObject({ status: 200, code: 0, data: { session_id: 'ticket-2' } })
    expect(synced.data?.message.map((segment) => ('text' in segment ? segment.text : ''))).toEqual([
      'Looking into ticket-2…',
      'Done: Quick question',
    ])

    const reset = await client.reset('ticket-1')
    expect(reset).toMatchObject({ status: 200, data: { session_id: 'ticket-1', removed: true } })

    const wrong = createHttpBotClient({ url: served.url, secret: 'not the secret' })
    expect(await wrong.push('ticket-1', 'hi')).toMatchObject({ status: 401, code: 40101 })

    await webhook.close()
    for (const part of callbacks.parts) {
      const turn = turns.add(part)
      if (turn.complete)
        completed.push(turn.message.map((s) => ('text' in s ? s.text : '')).join(' | '))
    }
    expect(callbacks.parts.map((part) => part.reply_to)).toEqual([
      pushed.data?.accepted_message_id,
      pushed.data?.accepted_message_id,
    ])
    expect(completed).toEqual(['Looking into ticket-1… | Done: Export fails'])
    expect(errors).toEqual([])
  })
})
