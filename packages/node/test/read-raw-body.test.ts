import type { IncomingMessage, ServerResponse } from 'node:http'
import { request as httpRequest } from 'node:http'
import { WebhookError } from '@chathooks/core'
import { describe, expect, it, vi } from 'vitest'
import { nodeHandler, readRawBody } from '../src/index.ts'
import { deferred, echoWebhook, listen, post } from './helpers.ts'

type Listener = (req: IncomingMessage, res: ServerResponse) => void

/** Runs `before` (standing for a body parser or another reader) and then the webhook. */
function after(before: (req: IncomingMessage) => Promise<void>, handler: Listener): Listener {
  return (req, res) => void before(req).then(() => handler(req, res))
}

const drain = async (req: IncomingMessage) => {
  for await (const _ of req);
}

describe('reading the raw body', () => {
  it.each([
    [
      'read the stream and left a parsed object on req.body',
      async (req: IncomingMessage) => {
        await drain(req)
        Object.assign(req, { body: { parsed: true } })
      },
    ],
    ['read the stream and left nothing', drain],
  ])('answers 500 body_already_parsed at once when another reader %s', async (_, before) => {
    const handler = vi.fn()
    const origin = await listen(after(before, nodeHandler(echoWebhook().on('*', handler))))
    expect(await post(origin, '{"id":1}')).toMatchObject({
      status: 500,
      json: {
        error: 'body_already_parsed',
        message: expect.stringMatching(/before any body parser/),
      },
    })
    expect(handler).not.toHaveBeenCalled()
  })

  it('reuses raw bytes a parser left on req.body as a Buffer', async () => {
    const origin = await listen(
      after(async (req) => {
        const chunks: Buffer[] = []
        for await (const chunk of req) chunks.push(chunk as Buffer)
        Object.assign(req, { body: Buffer.concat(chunks) })
      }, nodeHandler(echoWebhook())),
    )
    expect(await post(origin, '{"text":"Grüße"}')).toMatchObject({
      status: 200,
      json: { echo: { text: 'Grüße' } },
    })
  })

  it('reads the stream when a parser that skipped the request left req.body = {}', async () => {
    const origin = await listen(
      after(async (req) => void Object.assign(req, { body: {} }), nodeHandler(echoWebhook())),
    )
    expect(await post(origin, '{"id":2}')).toMatchObject({ status: 200, json: { echo: { id: 2 } } })
  })

  it('pauses the stream where it crosses the limit, so the rest stays unread', async () => {
    const seen = deferred<{ error: unknown; paused: boolean }>()
    const origin = await listen((req, res) => {
      readRawBody(req, 16).catch((error: unknown) => {
        seen.resolve({ error, paused: req.isPaused() })
        res.end()
      })
    })
    // Chunked, so no declared length lets the read be refused before it starts.
    const outgoing = httpRequest(origin, { method: 'POST' }).on('error', () => undefined)
    outgoing.write('x'.repeat(64 * 1024))
    const { error, paused } = await seen.promise
    expect(error).toBeInstanceOf(WebhookError)
    expect(error).toMatchObject({ code: 'body_too_large', status: 413 })
    expect(paused).toBe(true)
    outgoing.destroy()
  })

  it('resolves undefined when the client disconnects mid-body, and the server keeps serving', async () => {
    const read = deferred<Uint8Array | undefined>()
    const webhook = echoWebhook()
    const serveWebhook = nodeHandler(webhook)
    const origin = await listen((req, res) => {
      if (req.url !== '/abandoned') return serveWebhook(req, res)
      readRawBody(req, 1024).then(read.resolve, read.reject)
    })
    const outgoing = httpRequest(`${origin}/abandoned`, {
      method: 'POST',
      headers: { 'content-length': '100' },
    })
    outgoing.on('error', () => undefined)
    outgoing.write('{"partial":', () => outgoing.destroy())
    expect(await read.promise).toBeUndefined()
    expect((await post(origin, '{}')).status).toBe(200)
  })
})
