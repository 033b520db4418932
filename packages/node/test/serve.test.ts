import { Agent, request as httpRequest } from 'node:http'
import { createWebhook, generic } from '@chathooks/core'
import { describe, expect, it, onTestFinished, vi } from 'vitest'
import { serve } from '../src/index.ts'
import { deferred, echoWebhook, post, SIGNED, verify } from './helpers.ts'

/** Serves on a free port; closed when the test ends, if the test did not close it. */
async function started(...args: Parameters<typeof serve>) {
  const server = await serve(...args)
  onTestFinished(() => server.close())
  return server
}

/** An ack-first webhook whose handler waits for `open()`, then records that it finished. */
function gatedAckFirst() {
  const gate = deferred<void>()
  const steps: string[] = []
  const webhook = createWebhook(generic({ verify }), { respond: 'ack-first' }).on('*', async () => {
    steps.push('started')
    await gate.promise
    steps.push('finished')
  })
  return { webhook, open: () => gate.resolve(), steps }
}

describe('serve', () => {
  it('resolves once listening on 127.0.0.1 with a free port named by its url', async () => {
    const server = await started(echoWebhook(), { port: 0 })
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(server.server.listening).toBe(true)
    expect(await post(`${server.url}/any/path`, '{"id":1}')).toMatchObject({
      status: 200,
      json: { echo: { id: 1 }, url: '/any/path' },
    })
  })

  it('serves several webhooks, each below its own mount path, the longest path first', async () => {
    const server = await started(
      {
        '/telegram': echoWebhook(),
        '/viber': echoWebhook(),
        '/telegram/admin': createWebhook(generic({ verify })).on('*', () => ({ admin: true })),
      },
      { port: 0 },
    )
    expect((await post(`${server.url}/telegram/bot1?x=1`, '{}')).json).toEqual({
      echo: {},
      url: '/bot1?x=1',
    })
    expect((await post(`${server.url}/viber`, '{}')).json).toEqual({ echo: {}, url: '/' })
    expect((await post(`${server.url}/telegram/admin/x`, '{}')).json).toEqual({ admin: true })
  })

  it.each(['/', '/telegramx', '/viber-bot', '/other/telegram'])(
    'answers 404 not_found to %s, outside every mount',
    async (path) => {
      const handler = vi.fn()
      const server = await started(
        { '/telegram': echoWebhook().on('*', handler), '/viber': echoWebhook() },
        { port: 0 },
      )
      expect(await post(server.url + path, '{}')).toMatchObject({
        status: 404,
        json: { error: 'not_found', message: 'No webhook route matches this path' },
      })
      expect(handler).not.toHaveBeenCalled()
    },
  )

  it('makes close() stop accepting, then wait for ack-first work of every webhook', async () => {
    const first = gatedAckFirst()
    const second = gatedAckFirst()
    const server = await serve({ '/a': first.webhook, '/b': second.webhook }, { port: 0 })
    expect((await post(`${server.url}/a`, '{}')).status).toBe(200)
    expect((await post(`${server.url}/b`, '{}')).status).toBe(200)
    let closed = false
    const closing = server.close().then(() => {
      closed = true
    })
    await expect(post(`${server.url}/a`, '{}')).rejects.toThrow()
    expect(closed).toBe(false)
    first.open()
    second.open()
    await closing
    expect([first.steps, second.steps]).toEqual([
      ['started', 'finished'],
      ['started', 'finished'],
    ])
  })

  it('closes on leaving an `await using` block, draining its ack-first work', async () => {
    const { webhook, open, steps } = gatedAckFirst()
    let url = ''
    {
      await using server = await serve(webhook, { port: 0 })
      url = server.url
      expect((await post(url, '{}')).status).toBe(200)
      open()
    }
    expect(steps).toEqual(['started', 'finished'])
    await expect(post(url, '{}')).rejects.toThrow()
  })

  it('lets a request in flight at close() finish with its answer, and closes its kept-alive connection', async () => {
    const gate = deferred<void>()
    const arrived = deferred<void>()
    const webhook = createWebhook(generic({ verify })).on('*', async () => {
      arrived.resolve()
      await gate.promise
      return { late: true }
    })
    const server = await serve(webhook, { port: 0 })
    // Without closing connections freed after close(), it would wait for this timeout.
    server.server.keepAliveTimeout = 60_000
    const agent = new Agent({ keepAlive: true })
    onTestFinished(() => agent.destroy())
    const answer = new Promise<number>((resolve, reject) => {
      const outgoing = httpRequest(
        server.url,
        { method: 'POST', headers: SIGNED, agent },
        (response) => {
          response.resume()
          resolve(response.statusCode ?? 0)
        },
      )
      outgoing.on('error', reject).end('{}')
    })
    await arrived.promise
    const closing = server.close()
    gate.resolve()
    expect(await answer).toBe(200)
    await closing
  })

  it.each([
    [{ port: -1 }, 'option "port" must be an integer from 0 to 65535'],
    [{ port: 1.5 }, 'option "port" must be an integer from 0 to 65535'],
    [{ port: 0, hots: 'x' }, 'unknown option "hots"'],
  ])('throws a TypeError naming serve for %j', async (options, message) => {
    await expect(serve(echoWebhook(), options as { port: number })).rejects.toThrow(
      `serve: ${message}`,
    )
  })

  it.each([
    [{}, 'give a webhook or at least one mount'],
    [{ telegram: echoWebhook() }, 'mount "telegram" must be a path starting with "/"'],
    [{ '/telegram': {} }, 'mount "/telegram" is not a webhook'],
  ])('throws a TypeError for the mounts %#', async (mounts, message) => {
    await expect(serve(mounts as never, { port: 0 })).rejects.toThrow(`serve: ${message}`)
  })

  it('rejects when the port is taken', async () => {
    const server = await started(echoWebhook(), { port: 0 })
    const { port } = new URL(server.url)
    await expect(serve(echoWebhook(), { port: Number(port) })).rejects.toThrow(/EADDRINUSE/)
  })
})
