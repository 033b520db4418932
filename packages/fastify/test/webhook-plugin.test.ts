import { createWebhook, ipAllowlist, type WebhookRequest } from '@chathooks/core'
import { httpBot } from '@chathooks/core/langbot'
import { langbot } from '@chathooks/core/testing'
import type { FastifyInstance } from 'fastify'
import { describe, expect, it, vi } from 'vitest'
import chathooks from '../src/index.ts'
import { app, BODY, echoWebhook, signed } from './helpers.ts'

const LANGBOT_SECRET = 'fastify-langbot-secret'

/** Injects a preset's sample request below `prefix`; its url is relative to the mount point. */
function inject(fastify: FastifyInstance, prefix: string, request: WebhookRequest) {
  return fastify.inject({
    method: request.method as 'POST',
    url: prefix + request.url,
    headers: request.headers as Record<string, string>,
    payload: Buffer.from(request.body),
  })
}

describe('the @chathooks/fastify plugin', () => {
  it.each([
    ['/hook', '/'],
    ['/hook/', '/'],
    ['/hook?via=test', '/?via=test'],
    ['/hook/a/b?x=1', '/a/b?x=1'],
  ])('hands POST %s to the webhook registered with prefix /hook as %s', async (url, seen) => {
    const fastify = app()
    await fastify.register(chathooks, { webhook: echoWebhook(), prefix: '/hook' })
    const answer = await fastify.inject({
      method: 'POST',
      url,
      headers: await signed(),
      payload: BODY,
    })
    expect(answer.statusCode).toBe(200)
    expect(answer.json()).toEqual({ received: JSON.parse(BODY), url: seen, raw: BODY })
  })

  it.each([
    ['no prefix', '', '', '/any/path', '/any/path'],
    ['/hook below a parent’s /bots', '/bots', '/hook', '/bots/hook/act', '/act'],
    ['/:tenant/hook', '', '/:tenant/hook', '/acme/hook/act?x=1', '/act?x=1'],
    ['/:tenant/hook, at its root', '', '/:tenant/hook', '/acme/hook', '/'],
  ])('routes by the whole prefix, given %s', async (_, parent, prefix, url, seen) => {
    const fastify = app()
    await fastify.register(
      async (bots) => {
        await bots.register(chathooks, { webhook: echoWebhook(), ...(prefix && { prefix }) })
      },
      { prefix: parent },
    )
    const answer = await fastify.inject({
      method: 'POST',
      url,
      headers: await signed(),
      payload: BODY,
    })
    expect(answer.json()).toMatchObject({ url: seen })
  })

  it('hands a body without a Content-Type to the webhook', async () => {
    const fastify = app()
    await fastify.register(chathooks, { webhook: echoWebhook(), prefix: '/hook' })
    const { 'content-type': _, ...headers } = await signed()
    const answer = await fastify.inject({ method: 'POST', url: '/hook', headers, payload: BODY })
    expect(answer.json()).toMatchObject({ raw: BODY })
  })

  it.each([
    ['multipart/form-data; boundary=x', 'a type that cannot carry JSON'],
    [';;;', 'a Content-Type Fastify cannot parse'],
  ])('answers %s (%s) with the webhook’s 415, not Fastify’s', async (type) => {
    const fastify = app()
    const handler = vi.fn()
    await fastify.register(chathooks, { webhook: echoWebhook().on('*', handler), prefix: '/hook' })
    const headers = await signed(BODY, { 'content-type': type })
    const answer = await fastify.inject({ method: 'POST', url: '/hook', headers, payload: BODY })
    expect(answer.statusCode).toBe(415)
    expect(answer.json()).toEqual({ error: 'unsupported_media_type', message: expect.any(String) })
    expect(handler).not.toHaveBeenCalled()
  })

  it.each([
    ['before', true],
    ['after', false],
  ])(
    'keeps Fastify’s own parsers, and its 415, for a sibling route registered %s it',
    async (_, first) => {
      const fastify = app()
      const sibling = () => fastify.post('/api', async (request) => ({ parsed: request.body }))
      if (first) sibling()
      await fastify.register(chathooks, { webhook: echoWebhook(), prefix: '/hook' })
      if (!first) sibling()
      const json = await fastify.inject({ method: 'POST', url: '/api', payload: { n: 1 } })
      expect(json.json()).toEqual({ parsed: { n: 1 } })
      const text = await fastify.inject({
        method: 'POST',
        url: '/api',
        headers: { 'content-type': 'text/plain' },
        payload: 'x',
      })
      expect(text.json()).toEqual({ parsed: 'x' })
      const xml = await fastify.inject({
        method: 'POST',
        url: '/api',
        headers: { 'content-type': 'application/xml' },
        payload: '<x/>',
      })
      expect(xml.json()).toMatchObject({ statusCode: 415, code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE' })
    },
  )

  it('refuses a body over maxBodyBytes with 413 in the webhook’s own envelope, logged through request.log', async () => {
    const lines: string[] = []
    const fastify = app({
      logger: { level: 'info', stream: { write: (line: string) => void lines.push(line) } },
    })
    const bot = createWebhook(
      httpBot({ inboundSecret: LANGBOT_SECRET, callbackUrl: 'http://127.0.0.1:9/unused' }),
      { maxBodyBytes: 64 },
    )
    await fastify.register(chathooks, { webhook: bot, prefix: '/langbot' })
    const request = await langbot.push({ secret: LANGBOT_SECRET, text: 'x'.repeat(100) })
    const answer = await inject(fastify, '/langbot', request)
    expect(answer.statusCode).toBe(413)
    expect(answer.json()).toEqual({ code: 41301, msg: expect.any(String), data: null })
    const logged = lines
      .map((line) => JSON.parse(line))
      .find((line) => line.code === 'body_too_large')
    expect(logged).toMatchObject({
      level: 30,
      reqId: expect.any(String),
      msg: expect.stringMatching(/^chathooks: /),
    })
  })

  it('passes a body error the webhook has no refusal for to the app’s error handler', async () => {
    const fastify = app()
    const seen = vi.fn()
    fastify.setErrorHandler((error: { code?: string }, _request, reply) => {
      seen(error.code)
      return reply.code(400).send({ app: true })
    })
    await fastify.register(chathooks, { webhook: echoWebhook(), prefix: '/hook' })
    const headers = await signed(BODY, { 'content-length': String(BODY.length + 10) })
    const answer = await fastify.inject({ method: 'POST', url: '/hook', headers, payload: BODY })
    expect(answer.json()).toEqual({ app: true })
    expect(seen).toHaveBeenCalledExactlyOnceWith('FST_ERR_CTP_INVALID_CONTENT_LENGTH')
  })

  // Without trustProxy the address is the socket's, 127.0.0.1 under inject; with it, the header's.
  it.each([
    [false, '10.0.0.0/8', 403],
    [false, '127.0.0.1/32', 200],
    [true, '10.0.0.0/8', 200],
    [true, '127.0.0.1/32', 403],
  ] as const)(
    'with trustProxy %s, a request forwarded for 10.1.2.3 and ipAllowlist %s answers %i',
    async (trustProxy, allow, status) => {
      const fastify = app({ trustProxy })
      const webhook = echoWebhook({}, [ipAllowlist({ allow: [allow] })])
      await fastify.register(chathooks, { webhook, prefix: '/hook' })
      const headers = await signed(BODY, { 'x-forwarded-for': '10.1.2.3' })
      const answer = await fastify.inject({ method: 'POST', url: '/hook', headers, payload: BODY })
      expect(answer.statusCode).toBe(status)
    },
  )

  it('registers under its name, for other plugins’ dependencies', async () => {
    const fastify = app()
    await fastify.register(chathooks, { webhook: echoWebhook(), prefix: '/hook' })
    expect(fastify.hasPlugin('@chathooks/fastify')).toBe(true)
  })

  it.each([
    ['no webhook', {}, 'option "webhook" is required'],
    ['not a webhook', { webhook: {} }, 'option "webhook" is required'],
    ['an unknown option', { webhook: echoWebhook(), prefx: '/hook' }, 'unknown option "prefx"'],
  ])('fails to start with a TypeError naming the plugin given %s', async (_, options, message) => {
    const fastify = app()
    fastify.register(chathooks, options as never)
    await expect(fastify.ready()).rejects.toThrow(new RegExp(`^@chathooks/fastify: ${message}`))
  })
})
