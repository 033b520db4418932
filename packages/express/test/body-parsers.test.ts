import type { IncomingMessage, ServerResponse } from 'node:http'
import { request as httpRequest } from 'node:http'
import { describe, expect, it, vi } from 'vitest'
import { captureRawBody, webhookMiddleware } from '../src/index.ts'
import { BODY, echoWebhook, listen, post, VERSIONS } from './helpers.ts'

type Parser = (req: IncomingMessage, res: ServerResponse, next: () => void) => void

/** A POST whose body never ends, answered or not within the test's timeout. */
function postUnfinished(origin: string, path: string, headers: Record<string, string>) {
  return new Promise<number>((resolve, reject) => {
    const outgoing = httpRequest(`${origin}${path}`, { method: 'POST', headers, agent: false })
    outgoing.on('response', (response) => {
      resolve(response.statusCode ?? 0)
      outgoing.destroy()
    })
    outgoing.on('error', reject)
    outgoing.write('{"id":')
  })
}

describe.each(VERSIONS)('webhookMiddleware after the app’s body parsers on %s', (_, express) => {
  it.each([
    ['no parser', () => []],
    ['express.json({ verify: captureRawBody })', () => [express.json({ verify: captureRawBody })]],
    [
      'express.text({ type: "*/*", verify })',
      () => [express.text({ type: '*/*', verify: captureRawBody })],
    ],
    ['express.raw({ type: "*/*" })', () => [express.raw({ type: '*/*' })]],
    ['express.raw(), which skips JSON', () => [express.raw()]],
    [
      'express.json() for another type only',
      () => [express.json({ type: 'application/vnd.api+json' })],
    ],
  ] as const)('verifies the exact bytes after %s', async (_, parsers) => {
    const app = express()
    for (const parser of parsers() as readonly Parser[]) app.use(parser)
    app.use('/hook', webhookMiddleware(echoWebhook()))
    const answer = await post(await listen(app), '/hook')
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({ received: JSON.parse(BODY), url: '/', raw: BODY })
  })

  it('answers 500 body_already_parsed at once after a plain express.json(), saying what to change', async () => {
    const app = express()
    const handler = vi.fn()
    app.use(express.json())
    app.use('/hook', webhookMiddleware(echoWebhook().on('*', handler)))
    const answer = await post(await listen(app), '/hook')
    expect(answer.status).toBe(500)
    expect(answer.json).toEqual({
      error: 'body_already_parsed',
      message: expect.stringContaining('express.json({ verify: captureRawBody })'),
    })
    expect((answer.json as { message: string }).message).toMatch(/mount webhookMiddleware before/)
    expect(handler).not.toHaveBeenCalled()
  })

  it.each([
    ['before', true],
    ['after', false],
  ])(
    'keeps a sibling express.json() route registered %s the middleware parsing JSON',
    async (_, first) => {
      const app = express()
      const sibling = () =>
        app.post(
          '/api',
          express.json(),
          (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => {
            res.setHeader('content-type', 'application/json')
            res.end(JSON.stringify({ parsed: req.body }))
          },
        )
      if (first) sibling()
      app.use('/hook', webhookMiddleware(echoWebhook()))
      if (!first) sibling()
      const origin = await listen(app)
      const api = await post(origin, '/api', '{"n":1}')
      expect(api).toMatchObject({ status: 200, json: { parsed: { n: 1 } } })
      expect((await post(origin, '/hook')).status).toBe(200)
    },
  )

  it('leaves an app-wide express.json() mounted after it parsing the app’s routes', async () => {
    const app = express()
    app.use('/hook', webhookMiddleware(echoWebhook()))
    app.use(express.json())
    app.post('/api', (req: IncomingMessage & { body?: unknown }, res: ServerResponse) => {
      res.end(JSON.stringify({ parsed: req.body }))
    })
    const origin = await listen(app)
    expect((await post(origin, '/hook')).status).toBe(200)
    expect((await post(origin, '/api', '{"n":2}')).json).toEqual({ parsed: { n: 2 } })
  })

  it.each([
    ['express.json({ verify: captureRawBody })', () => express.json({ verify: captureRawBody })],
    ['express.raw({ type: "*/*" })', () => express.raw({ type: '*/*' })],
  ] as const)(
    'refuses bytes a parser kept over maxBodyBytes with 413 after %s',
    async (_, parser) => {
      const app = express()
      const handler = vi.fn()
      app.use(parser() as Parser)
      app.use('/hook', webhookMiddleware(echoWebhook({ maxBodyBytes: 16 }).on('*', handler)))
      const answer = await post(await listen(app), '/hook')
      expect(answer).toMatchObject({ status: 413, json: { error: 'body_too_large' } })
      expect(handler).not.toHaveBeenCalled()
    },
  )

  it('answers 413 to a declared Content-Length over the limit before the body arrives', async () => {
    const app = express()
    app.use('/hook', webhookMiddleware(echoWebhook({ maxBodyBytes: 16 })))
    const status = await postUnfinished(await listen(app), '/hook', {
      'content-type': 'application/json',
      'content-length': '1000000',
    })
    expect(status).toBe(413)
  })
})
