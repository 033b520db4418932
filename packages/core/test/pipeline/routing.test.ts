import { createWebhook, generic } from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { entries, SIGNED, verify } from './driver.ts'

const LIMIT = 64

function langbotLike() {
  return createWebhook(generic({ verify, routes: ['/', '/reset'] }), { maxBodyBytes: LIMIT })
}

describe.each(entries)('routing, method and size through %s', (_, send) => {
  it.each(['/elsewhere', '/reset/more', '/%E0%A4%A'])(
    'answers 404 not_found on %s',
    async (url) => {
      const answer = await send(langbotLike(), request({ url, headers: SIGNED, body: '{}' }))
      expect(answer.status).toBe(404)
      expect(answer.json).toMatchObject({ error: 'not_found' })
    },
  )

  it.each(['/', '/reset', '/reset?x=1', '/reset/'])(
    'accepts a POST on the route %s',
    async (url) => {
      const answer = await send(langbotLike(), request({ url, headers: SIGNED, body: '{}' }))
      expect(answer.status).toBe(200)
    },
  )

  it.each(['GET', 'PUT', 'DELETE', 'HEAD'])(
    'answers %s on a route with 405 and Allow: POST',
    async (method) => {
      const answer = await send(langbotLike(), request({ method, url: '/reset', headers: SIGNED }))
      expect(answer.status).toBe(405)
      expect(answer.headers.allow).toBe('POST')
      if (method !== 'HEAD') expect(answer.json).toMatchObject({ error: 'method_not_allowed' })
    },
  )

  it('answers a GET outside the routes with 404, not 405', async () => {
    const answer = await send(langbotLike(), request({ method: 'GET', url: '/nowhere' }))
    expect(answer.status).toBe(404)
  })

  it('answers 413 body_too_large one byte over maxBodyBytes', async () => {
    const body = `"${'a'.repeat(LIMIT - 1)}"`
    const answer = await send(langbotLike(), request({ headers: SIGNED, body }))
    expect(answer.status).toBe(413)
    expect(answer.json).toMatchObject({ error: 'body_too_large' })
  })

  it('accepts a body of exactly maxBodyBytes', async () => {
    const body = `"${'a'.repeat(LIMIT - 2)}"`
    const answer = await send(langbotLike(), request({ headers: SIGNED, body }))
    expect(answer.status).toBe(200)
  })

  it('counts bytes, not characters, against maxBodyBytes', async () => {
    // 32 two-byte characters are 64 bytes of content, 66 with the quotes.
    const answer = await send(
      langbotLike(),
      request({ headers: SIGNED, body: `"${'é'.repeat(32)}"` }),
    )
    expect(answer.status).toBe(413)
  })

  it('refuses an oversized body before checking its signature', async () => {
    const answer = await send(langbotLike(), request({ body: 'x'.repeat(LIMIT + 1) }))
    expect(answer.status).toBe(413)
  })

  it('refuses a wrong method before the size and the signature', async () => {
    const answer = await send(
      langbotLike(),
      request({ method: 'PUT', body: 'x'.repeat(LIMIT + 1) }),
    )
    expect(answer.status).toBe(405)
  })

  it('refuses an unknown path before the method', async () => {
    const answer = await send(langbotLike(), request({ method: 'PUT', url: '/nope' }))
    expect(answer.status).toBe(404)
  })

  it('defaults maxBodyBytes to 1 MiB', async () => {
    const webhook = createWebhook(generic({ verify }))
    const fits = `"${'a'.repeat(1024 * 1024 - 2)}"`
    expect((await send(webhook, request({ headers: SIGNED, body: fits }))).status).toBe(200)
    const over = `"${'a'.repeat(1024 * 1024 - 1)}"`
    expect((await send(webhook, request({ headers: SIGNED, body: over }))).status).toBe(413)
  })
})
