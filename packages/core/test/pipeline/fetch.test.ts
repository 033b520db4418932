import { createWebhook, generic, ipAllowlist } from '@chathooks/core'
import { describe, expect, it, vi } from 'vitest'
import { SIGNED, TOKEN, verify } from './driver.ts'

const LIMIT = 64
const URL_ = 'http://127.0.0.1/'

function webhook() {
  return createWebhook(generic({ verify, routes: ['/', '/reset'] }), { maxBodyBytes: LIMIT })
}

/** A body stream that counts how often it is read and has no declared length. */
function stream(chunks: readonly Uint8Array[]) {
  const pulls = vi.fn()
  const queue = [...chunks]
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        pulls()
        const next = queue.shift()
        if (next === undefined) controller.close()
        else controller.enqueue(next)
      },
    },
    // No read ahead: pull runs only when the webhook asks for bytes.
    { highWaterMark: 0 },
  )
  return { body, pulls }
}

function post(body: BodyInit, headers: Record<string, string> = {}, path = '/'): Request {
  return new Request(new URL(path, URL_), {
    method: 'POST',
    headers: { ...SIGNED, ...headers },
    body,
    duplex: 'half',
  } as RequestInit)
}

describe('webhook.fetch', () => {
  it('refuses a streamed body without content-length once it passes maxBodyBytes', async () => {
    const { body, pulls } = stream([new Uint8Array(40).fill(0x20), new Uint8Array(40).fill(0x20)])
    const response = await webhook().fetch(post(body))
    expect(response.status).toBe(413)
    expect(await response.json()).toMatchObject({ error: 'body_too_large' })
    expect(pulls).toHaveBeenCalledTimes(2)
  })

  it('accepts a streamed body of exactly maxBodyBytes in several chunks', async () => {
    const bytes = new TextEncoder().encode(`"${'a'.repeat(LIMIT - 2)}"`)
    const { body } = stream([bytes.subarray(0, 10), bytes.subarray(10, 50), bytes.subarray(50)])
    const response = await webhook().fetch(post(body))
    expect(response.status).toBe(200)
  })

  it('refuses a declared content-length over the limit without reading the body', async () => {
    const { body, pulls } = stream([new TextEncoder().encode('{}')])
    const request = post(body, { 'content-length': String(LIMIT + 1) })
    const response = await webhook().fetch(request)
    expect(response.status).toBe(413)
    expect(pulls).not.toHaveBeenCalled()
  })

  it('answers a PUT with 405 without reading its body', async () => {
    const { body, pulls } = stream([new TextEncoder().encode('{}')])
    const request = new Request(URL_, { method: 'PUT', body, duplex: 'half' } as RequestInit)
    const response = await webhook().fetch(request)
    expect(response.status).toBe(405)
    expect(response.headers.get('allow')).toBe('POST')
    expect(pulls).not.toHaveBeenCalled()
    expect(request.bodyUsed).toBe(false)
  })

  it.each(['GET', 'HEAD'])('answers %s with 405 without touching the body', async (method) => {
    const request = new Request(URL_, { method })
    const touched = vi.fn()
    Object.defineProperty(request, 'body', { get: touched })
    const response = await webhook().fetch(request)
    expect(response.status).toBe(405)
    expect(touched).not.toHaveBeenCalled()
  })

  it('strips basePath before routing', async () => {
    const seen = vi.fn()
    const hook = webhook().on('*', ({ request }) => seen(request.url))
    const response = await hook.fetch(post('{}', {}, '/hooks/bot/reset?x=1'), {
      basePath: '/hooks/bot',
    })
    expect(response.status).toBe(200)
    expect(seen).toHaveBeenCalledWith('/reset?x=1')
  })

  it.each(['/hooks/bot', '/hooks/bot/'])('routes the mount point %s itself as /', async (path) => {
    const response = await webhook().fetch(post('{}', {}, path), { basePath: '/hooks/bot/' })
    expect(response.status).toBe(200)
  })

  it.each(['/reset', '/hooks/botnet/reset', '/other/reset'])(
    'answers 404 on %s, outside basePath',
    async (path) => {
      const response = await webhook().fetch(post('{}', {}, path), { basePath: '/hooks/bot' })
      expect(response.status).toBe(404)
    },
  )

  it('gives remoteAddress to ipAllowlist', async () => {
    const hook = createWebhook(generic({ verify: ipAllowlist({ allow: ['10.0.0.0/8'] }) }))
    const inside = await hook.fetch(post('{}'), { remoteAddress: '10.1.2.3' })
    const outside = await hook.fetch(post('{}'), { remoteAddress: '192.0.2.1' })
    const unknown = await hook.fetch(post('{}'))
    expect([inside.status, outside.status, unknown.status]).toEqual([200, 403, 403])
  })

  it('reads the headers of the Web Request case-insensitively', async () => {
    const request = new Request(URL_, { method: 'POST', headers: { 'X-TOKEN': TOKEN }, body: '{}' })
    expect((await webhook().fetch(request)).status).toBe(200)
  })
})
