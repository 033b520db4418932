import { createWebhook, generic, ipAllowlist, type Platform } from '@chathooks/core'
import { describe, expect, it, vi } from 'vitest'
import { nodeHandler } from '../src/index.ts'
import { echoWebhook, exchangeRaw, listen, post, SIGNED, verify } from './helpers.ts'

const head = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\n`

describe('nodeHandler', () => {
  it('serves a webhook from http.createServer, the whole path routed', async () => {
    const origin = await listen(nodeHandler(echoWebhook()))
    expect(await post(`${origin}/hooks/a?x=1`, '{"id":1}')).toMatchObject({
      status: 200,
      json: { echo: { id: 1 }, url: '/hooks/a?x=1' },
    })
  })

  it.each([
    ['/telegram', '/'],
    ['/telegram/', '/'],
    ['/telegram?x=1', '/?x=1'],
    ['/telegram/bot/123', '/bot/123'],
  ])('routes %s below basePath /telegram as %s', async (path, seen) => {
    const origin = await listen(nodeHandler(echoWebhook(), { basePath: '/telegram/' }))
    expect((await post(origin + path, '{}')).json).toEqual({ echo: {}, url: seen })
  })

  it.each(['/', '/telegramx', '/other/telegram'])(
    'answers 404 not_found to %s, outside basePath /telegram',
    async (path) => {
      const handler = vi.fn()
      const origin = await listen(
        nodeHandler(echoWebhook().on('*', handler), { basePath: '/telegram' }),
      )
      expect(await post(origin + path, '{}')).toMatchObject({
        status: 404,
        json: { error: 'not_found' },
      })
      expect(handler).not.toHaveBeenCalled()
    },
  )

  it('answers refusals it makes itself in the platform’s own error envelope', async () => {
    const enveloped: Platform = {
      ...generic({ verify }),
      error: (error) => ({
        status: error.status,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code: -1, msg: error.code, data: null }),
      }),
    }
    const webhook = createWebhook(enveloped, { maxBodyBytes: 8 })
    const origin = await listen(nodeHandler(webhook, { basePath: '/bot' }))
    expect(await post(`${origin}/bot`, '{"id":"too long"}')).toMatchObject({
      status: 413,
      json: { code: -1, msg: 'body_too_large', data: null },
    })
    expect(await post(`${origin}/elsewhere`, '{}')).toMatchObject({
      status: 404,
      json: { code: -1, msg: 'not_found', data: null },
    })
  })

  it.each([
    ['127.0.0.1/32', 200],
    ['10.0.0.0/8', 403],
  ])('hands ipAllowlist the socket address: allowing %s answers %i', async (allow, status) => {
    const webhook = createWebhook(generic({ verify: [verify, ipAllowlist({ allow: [allow] })] }))
    const origin = await listen(nodeHandler(webhook))
    const forged = { ...SIGNED, 'x-forwarded-for': '10.1.2.3' }
    expect((await post(origin, '{}', forged)).status).toBe(status)
  })

  it('answers 413 to a declared Content-Length over the limit before any body is sent, and closes', async () => {
    const handler = vi.fn()
    const origin = await listen(nodeHandler(echoWebhook({ maxBodyBytes: 64 }).on('*', handler)))
    const answer = await exchangeRaw(
      origin,
      head([
        'POST / HTTP/1.1',
        'Host: x',
        'Content-Length: 100000000',
        `X-Token: ${SIGNED['x-token']}`,
      ]),
    )
    expect(answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(answer).toMatch(/\r\nconnection: close\r\n/i)
    expect(answer).toContain('"error":"body_too_large"')
    expect(handler).not.toHaveBeenCalled()
  })

  it('answers 413 once a chunked body crosses the limit, closes, and keeps serving', async () => {
    const origin = await listen(nodeHandler(echoWebhook({ maxBodyBytes: 64 })))
    const chunk = `40\r\n${'x'.repeat(64)}\r\n`
    const answer = await exchangeRaw(
      origin,
      head(['POST / HTTP/1.1', 'Host: x', 'Transfer-Encoding: chunked']) + chunk + chunk,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 413 /)
    expect(answer).toMatch(/\r\nconnection: close\r\n/i)
    expect((await post(origin, '{}')).status).toBe(200)
  })

  it('keeps a connection alive after a body read to its end', async () => {
    const origin = await listen(nodeHandler(echoWebhook()))
    const response = await fetch(origin, { method: 'POST', headers: SIGNED, body: '{}' })
    expect(response.headers.get('connection')).toBe('keep-alive')
  })

  it.each([
    [{ basePath: '' }, 'option "basePath" must be a path'],
    [{ basePath: 'telegram' }, 'option "basePath" must be a path'],
    [{ basePath: '/a?b' }, 'option "basePath" must be a path'],
    [{ base: '/' }, 'unknown option "base"'],
  ])('throws a TypeError naming nodeHandler for %j', (options, message) => {
    expect(() => nodeHandler(echoWebhook(), options as { basePath: string })).toThrow(
      `nodeHandler: ${message}`,
    )
  })
})
