import type { ServerResponse } from 'node:http'
import { createWebhook, ipAllowlist, type WebhookRequest } from '@chathooks/core'
import { telegram } from '@chathooks/core/telegram'
import { telegram as telegramSamples } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { webhookMiddleware } from '../src/index.ts'
import { BODY, echoWebhook, listen, post, send, VERSIONS } from './helpers.ts'

const TELEGRAM_SECRET = 'express-telegram-secret'

/** A preset sample request sent below `mount`; its url is relative to the mount point. */
const below = (mount: string, request: WebhookRequest) => ({ ...request, url: mount + request.url })

describe.each(VERSIONS)('webhookMiddleware on %s', (_, express) => {
  it.each([
    ['/hook', '/'],
    ['/hook/', '/'],
    ['/hook?via=test', '/?via=test'],
    ['/hook/a/b?x=1', '/a/b?x=1'],
  ])('serves POST %s below app.use("/hook"), where the webhook sees %s', async (path, seen) => {
    const app = express()
    app.use('/hook', webhookMiddleware(echoWebhook()))
    const answer = await post(await listen(app), path)
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({ received: JSON.parse(BODY), url: seen, raw: BODY })
  })

  it('serves a webhook mounted on a router that is itself mounted', async () => {
    const app = express()
    const router = express.Router()
    router.use('/hook', webhookMiddleware(echoWebhook()))
    app.use('/bots', router)
    const answer = await post(await listen(app), '/bots/hook/act')
    expect(answer.json).toMatchObject({ url: '/act' })
  })

  it('answers every method and path below its mount itself, never falling through', async () => {
    const app = express()
    const later = vi.fn((_req: unknown, res: ServerResponse) => res.end('later'))
    app.use('/hook', webhookMiddleware(echoWebhook()))
    app.get('/hook/health', later)
    const answer = await fetch(`${await listen(app)}/hook/health`)
    expect(answer.status).toBe(405)
    expect(answer.headers.get('allow')).toBe('POST')
    expect(later).not.toHaveBeenCalled()
  })

  // `trust proxy` unset is the socket's address; "loopback" believes the test client's header.
  it.each([
    ['unset', '10.0.0.0/8', 403],
    ['unset', '127.0.0.1/32', 200],
    ['loopback', '10.0.0.0/8', 200],
    ['loopback', '127.0.0.1/32', 403],
  ] as const)(
    'with trust proxy %s, a request forwarded for 10.1.2.3 and ipAllowlist %s answers %i',
    async (trust, allow, status) => {
      const app = express()
      if (trust !== 'unset') app.set('trust proxy', trust)
      const webhook = echoWebhook({}, [ipAllowlist({ allow: [allow] })])
      app.use('/hook', webhookMiddleware(webhook))
      const forged = { 'x-forwarded-for': '10.1.2.3' }
      expect((await post(await listen(app), '/hook', BODY, forged)).status).toBe(status)
    },
  )

  it.each([
    ['unset', 403],
    ['loopback', 200],
  ] as const)(
    'with trust proxy %s, a Telegram update forwarded from Telegram’s networks answers %i',
    async (trust, status) => {
      const app = express()
      if (trust !== 'unset') app.set('trust proxy', trust)
      const bot = createWebhook(telegram({ secretToken: TELEGRAM_SECRET, ipAllowlist: true }))
      app.use('/telegram', webhookMiddleware(bot))
      const update = await telegramSamples.message({ secret: TELEGRAM_SECRET })
      const forwarded = { ...update.headers, 'x-forwarded-for': '149.154.167.99' }
      const answer = await send(await listen(app), {
        ...below('/telegram', update),
        headers: forwarded,
      })
      expect(answer.status).toBe(status)
    },
  )

  it('hands a failure it can no longer answer to the app’s error handler through next', async () => {
    const app = express()
    const seen = vi.fn()
    app.use((_req: unknown, res: ServerResponse, next: () => void) => {
      res.flushHeaders()
      next()
    })
    app.use('/hook', webhookMiddleware(echoWebhook()))
    app.use((error: Error, _req: unknown, res: ServerResponse, _next: unknown) => {
      seen(error.message)
      res.end()
    })
    await fetch(`${await listen(app)}/hook`, { method: 'POST', body: '{}' })
    expect(seen).toHaveBeenCalledExactlyOnceWith(expect.stringMatching(/headers/i))
  })
})

describe('webhookMiddleware options', () => {
  it.each([
    ['10.1.2.3', 200],
    ['192.0.2.1', 403],
  ])(
    'checks the address remoteAddress reads (%s) against ipAllowlist: %i',
    async (address, status) => {
      const [, express] = VERSIONS[0]
      const app = express()
      const webhook = echoWebhook({}, [ipAllowlist({ allow: ['10.0.0.0/8'] })])
      app.use('/hook', webhookMiddleware(webhook, { remoteAddress: () => address }))
      expect((await post(await listen(app), '/hook', BODY)).status).toBe(status)
    },
  )

  it.each([
    [{ basePath: '/hook' }, 'webhookMiddleware: unknown option "basePath" (known: remoteAddress)'],
    [
      { remoteAddress: 'req.ip' },
      'webhookMiddleware: option "remoteAddress" must be a function of the request',
    ],
  ])('throws a TypeError naming the option for %o', (options, message) => {
    expect(() => webhookMiddleware(echoWebhook(), options as never)).toThrow(new TypeError(message))
  })

  it.each([[undefined], [{}], [{ handle: 'no' }]])(
    'throws a TypeError naming the factory when given %o instead of a webhook',
    (value) => {
      expect(() => webhookMiddleware(value as never)).toThrow(
        new TypeError('webhookMiddleware: pass the webhook createWebhook() returned'),
      )
    },
  )
})
