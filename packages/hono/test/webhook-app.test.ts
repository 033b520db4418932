import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  type AnyWebhook,
  createWebhook,
  generic,
  ipAllowlist,
  secretToken,
  type WebhookRequest,
} from '@chathooks/core'
import { httpBot } from '@chathooks/core/langbot'
import { pararam } from '@chathooks/core/pararam'
import { telegram } from '@chathooks/core/telegram'
import * as testing from '@chathooks/core/testing'
import { createAdaptorServer } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { Hono } from 'hono'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { handler, webhookApp } from '../src/index.ts'

const TOKEN = 'hook-token'
const signed = (url: string, init: { method?: string } = {}) =>
  testing.request({ url, body: '{"id":1}', headers: { 'x-token': TOKEN }, ...init })

/** A webhook that answers the path and query it saw, on `/`, `/:a` and `/:a/:b`. */
function echo() {
  const seen = vi.fn()
  const webhook = createWebhook(
    generic({
      verify: secretToken({ header: 'x-token', token: TOKEN }),
      routes: ['/', '/:a', '/:a/:b'],
    }),
  ).on('*', ({ request }) => {
    seen(request.url)
    return { url: request.url }
  })
  return { webhook, seen }
}

async function send(app: Hono, sent: WebhookRequest) {
  const response = await app.fetch(testing.toRequest(sent))
  const text = await response.text()
  return { status: response.status, allow: response.headers.get('allow'), text, json: parse(text) }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

type Mount = (webhook: AnyWebhook) => Hono

describe('where the webhook is mounted', () => {
  it.each<[string, Mount, string, string]>([
    [
      'app.route at a path',
      (w) => new Hono().route('/hook', webhookApp(w)),
      '/hook/a/b?x=1',
      '/a/b?x=1',
    ],
    ['the mount path itself', (w) => new Hono().route('/hook', webhookApp(w)), '/hook', '/'],
    ['the mount path with a slash', (w) => new Hono().route('/hook', webhookApp(w)), '/hook/', '/'],
    ['app.route at the root', (w) => new Hono().route('/', webhookApp(w)), '/a/b', '/a/b'],
    [
      'route() inside route()',
      (w) => new Hono().route('/api', new Hono().route('/v1/hook', webhookApp(w))),
      '/api/v1/hook/a',
      '/a',
    ],
    [
      'an app with basePath()',
      (w) => new Hono().basePath('/api').route('/hook', webhookApp(w)),
      '/api/hook/a',
      '/a',
    ],
    [
      'a basePath() app mounted with route()',
      (w) => new Hono().route('/', new Hono().basePath('/api').route('/hook', webhookApp(w))),
      '/api/hook/a?x=1',
      '/a?x=1',
    ],
    [
      'a mount path with a parameter',
      (w) => new Hono().route('/:tenant/hook', webhookApp(w)),
      '/acme/hook/a',
      '/a',
    ],
    [
      'a non-ASCII mount path',
      (w) => new Hono().route('/café', webhookApp(w)),
      '/caf%C3%A9/a',
      '/a',
    ],
    [
      'behind the app’s own middleware',
      (w) =>
        new Hono().use('*', async (_, next) => void (await next())).route('/hook', webhookApp(w)),
      '/hook/a',
      '/a',
    ],
    ['handler on app.post', (w) => new Hono().post('/hook', handler(w)), '/hook?x=1', '/?x=1'],
    [
      'handler on a wildcard route',
      (w) => new Hono().all('/hook/*', handler(w)),
      '/hook/a/b',
      '/a/b',
    ],
    [
      'handler on a route with a parameter',
      (w) => new Hono().post('/hook/:id', handler(w)),
      '/hook/7',
      '/',
    ],
  ])('hands the webhook the path below %s', async (_, mount, url, below) => {
    const { webhook, seen } = echo()
    const answer = await send(mount(webhook), signed(url))
    expect(answer).toMatchObject({ status: 200, json: { url: below } })
    expect(seen).toHaveBeenCalledOnce()
  })

  it.each(['/hookx', '/other/hook', '/'])(
    'leaves %s, outside the mount, to the app',
    async (url) => {
      const { webhook, seen } = echo()
      const app = new Hono().route('/hook', webhookApp(webhook)).all('*', (c) => c.text('app', 418))
      expect(await send(app, signed(url))).toMatchObject({ status: 418, text: 'app' })
      expect(seen).not.toHaveBeenCalled()
    },
  )

  it.each(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'])(
    'answers a %s 405 with Allow: POST, from the webhook',
    async (method) => {
      const { webhook, seen } = echo()
      const apps = [
        new Hono().route('/hook', webhookApp(webhook)),
        new Hono().all('/hook', handler(webhook)),
      ]
      for (const app of apps) {
        const answer = await send(app, signed('/hook', { method }))
        expect(answer).toMatchObject({ status: 405, allow: 'POST' })
        if (method !== 'HEAD') expect(answer.json).toMatchObject({ error: 'method_not_allowed' })
      }
      expect(seen).not.toHaveBeenCalled()
    },
  )
})

describe('presets below nested mounts', () => {
  it('routes pararam messages and /act clicks below route() inside route()', async () => {
    const secret = 'k3y-0f-8-pararam-bot-secret'
    const webhook = createWebhook(pararam({ secret }))
      .on('message', ({ payload }) => `message ${payload.post_no}`)
      .on('action', () => ({ text: 'clicked' }))
    const app = new Hono().route('/api', new Hono().route('/pararam', webhookApp(webhook)))
    const below = (sent: WebhookRequest) => ({ ...sent, url: `/api/pararam${sent.url}` })
    const message = await testing.pararam.message({ secret, postNo: 12 })
    expect(await send(app, below(message))).toMatchObject({
      status: 200,
      json: { text: 'message 12' },
    })
    const action = await testing.pararam.action({ secret })
    expect(action.url).toMatch(/\/act$/)
    expect(await send(app, below(action))).toMatchObject({ status: 200, json: { text: 'clicked' } })
    const wrongKey = await testing.pararam.message({ secret, urlKey: 'wrongkey' })
    expect(await send(app, below(wrongKey))).toMatchObject({
      status: 404,
      json: { error: 'not_found' },
    })
  })

  it('routes Telegram bots on /:token below a mount path with a parameter', async () => {
    const botToken = '123456:bot-token'
    const seen = vi.fn()
    const webhook = createWebhook(telegram({ tokens: [botToken], secretToken: 'tg-secret' })).on(
      'message',
      ({ params }) => void seen(params.token),
    )
    const app = new Hono().route('/:tenant/telegram', webhookApp(webhook))
    const update = await testing.telegram.message({ secret: 'tg-secret', botToken })
    expect(update.url).toBe(`/${botToken}`)
    expect(await send(app, { ...update, url: `/acme/telegram${update.url}` })).toMatchObject({
      status: 200,
    })
    expect(seen).toHaveBeenCalledExactlyOnceWith(botToken)
    const stranger = await testing.telegram.message({ secret: 'tg-secret', botToken: '9:other' })
    expect(await send(app, { ...stranger, url: `/acme/telegram${stranger.url}` })).toMatchObject({
      status: 404,
    })
  })

  it('answers LangBot /sync and /reset below a basePath() app', async () => {
    const secret = 'langbot-secret'
    const webhook = createWebhook(
      httpBot({ inboundSecret: secret, callbackUrl: 'http://127.0.0.1:9/' }),
    ).on('message', () => 'Fixed.')
    onTestFinished(() => webhook.close())
    const app = new Hono().basePath('/bots').route('/langbot', webhookApp(webhook))
    const below = (sent: WebhookRequest) => ({ ...sent, url: `/bots/langbot${sent.url}` })
    expect(await send(app, below(await testing.langbot.sync({ secret })))).toMatchObject({
      status: 200,
      json: { code: 0, data: { message: [{ type: 'Plain', text: 'Fixed.' }] } },
    })
    expect(await send(app, below(await testing.langbot.reset({ secret })))).toMatchObject({
      status: 200,
      json: { code: 0, msg: 'reset' },
    })
  })
})

describe('the client address', () => {
  /** Serves the app with @hono/node-server on 127.0.0.1 until the test ends. */
  async function listen(app: Hono): Promise<string> {
    const server = createAdaptorServer({ fetch: app.fetch }) as Server
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    onTestFinished(() => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    })
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  }

  const allowlisted = () =>
    createWebhook(
      generic({
        verify: [
          ipAllowlist({ allow: ['127.0.0.1/32'] }),
          secretToken({ header: 'x-token', token: TOKEN }),
        ],
      }),
    ).on('*', ({ request }) => ({ address: request.remoteAddress }))

  it('comes from getConnInfo, so an ipAllowlist admits the allowed peer', async () => {
    const app = new Hono().route('/hook', webhookApp(allowlisted(), { getConnInfo }))
    const response = await fetch(testing.toRequest(signed('/hook'), await listen(app)))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ address: '127.0.0.1' })
  })

  it('is unknown without getConnInfo, so an ipAllowlist refuses with 403', async () => {
    const app = new Hono().post('/hook', handler(allowlisted()))
    const response = await fetch(testing.toRequest(signed('/hook'), await listen(app)))
    expect(response.status).toBe(403)
    expect(await response.json()).toMatchObject({ error: 'forbidden_ip' })
  })
})

describe('options', () => {
  it.each([
    ['webhookApp', webhookApp],
    ['handler', handler],
  ] as const)(
    '%s refuses an unknown option and a getConnInfo that is not a function',
    (name, factory) => {
      const { webhook } = echo()
      expect(() => factory(webhook, { connInfo: getConnInfo } as never)).toThrow(
        new TypeError(`${name}: unknown option "connInfo" (known: getConnInfo)`),
      )
      expect(() => factory(webhook, { getConnInfo: 'hono/bun' } as never)).toThrow(
        `${name}: option "getConnInfo" must be a function`,
      )
    },
  )
})

it('answers 500 and runs no handler when a middleware read the body first', async () => {
  const logged = vi.fn()
  const seen = vi.fn()
  const webhook = createWebhook(
    generic({ verify: secretToken({ header: 'x-token', token: TOKEN }) }),
    {
      logger: { warn: logged, error: logged },
    },
  ).on('*', seen)
  const app = new Hono()
    .use('*', async (c, next) => {
      await c.req.json()
      await next()
    })
    .route('/hook', webhookApp(webhook))
  expect((await send(app, signed('/hook'))).status).toBe(500)
  expect(seen).not.toHaveBeenCalled()
})
