import { createWebhook, generic, type Verifier, WebhookError } from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import { entries, SIGNED, verify } from './driver.ts'

const utf8 = (text: string) => new TextEncoder().encode(text)

describe.each(entries)('verify and parse through %s', (_, send) => {
  it.each([
    ['no token', {}, 'signature_missing'],
    ['a wrong token', { 'x-token': 'guess' }, 'signature_invalid'],
  ])('answers 401 to a request with %s', async (_, headers, error) => {
    const answer = await send(createWebhook(generic({ verify })), request({ headers, body: '{}' }))
    expect(answer.status).toBe(401)
    expect(answer.json).toMatchObject({ error })
  })

  it.each(['multipart/form-data; boundary=x', 'application/x-www-form-urlencoded'])(
    'answers 415 unsupported_media_type to %s',
    async (type) => {
      const headers = { ...SIGNED, 'content-type': type }
      const answer = await send(
        createWebhook(generic({ verify })),
        request({ headers, body: '{}' }),
      )
      expect(answer.status).toBe(415)
      expect(answer.json).toMatchObject({ error: 'unsupported_media_type' })
    },
  )

  it.each([undefined, 'text/plain', 'application/json;charset=utf-8', 'APPLICATION/JSON'])(
    'accepts JSON sent with content type %s',
    async (type) => {
      const headers = type === undefined ? SIGNED : { ...SIGNED, 'content-type': type }
      const webhook = createWebhook(generic({ verify })).on('*', ({ payload }) => ({ payload }))
      const answer = await send(webhook, request({ headers, body: '{"a":1}' }))
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual({ payload: { a: 1 } })
    },
  )

  it.each([
    ['an empty body', utf8('')],
    ['truncated JSON', utf8('{"user": {"id": 1}')],
    ['a trailing comma', utf8('{"a": 1,}')],
    ['invalid UTF-8 bytes', new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d])],
    ['a lone surrogate half in UTF-8', new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])],
  ])('answers 400 invalid_json to %s', async (_, body) => {
    const answer = await send(
      createWebhook(generic({ verify })),
      request({ headers: SIGNED, body }),
    )
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: 'invalid_json' })
  })

  it('parses a body that starts with a UTF-8 byte order mark', async () => {
    // RFC 8259 lets a parser ignore a BOM; refusing one would fail senders for an invisible byte.
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"a":"ü"}')])
    const webhook = createWebhook(generic({ verify })).on('*', ({ payload }) => ({ payload }))
    const answer = await send(webhook, request({ headers: SIGNED, body }))
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({ payload: { a: 'ü' } })
  })

  it('answers 400 invalid_payload listing the failing paths', async () => {
    const schema = z.object({ user: z.object({ id: z.number() }), kind: z.string() })
    const webhook = createWebhook(generic({ verify, schema }))
    const body = '{"user": {"id": "7"}}'
    const answer = await send(webhook, request({ headers: SIGNED, body }))
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: 'invalid_payload' })
    const { issues } = answer.json as { issues: { path: string; message: string }[] }
    expect(issues.map((issue) => issue.path).sort()).toEqual(['kind', 'user.id'])
    expect(issues.every((issue) => issue.message.length > 0)).toBe(true)
  })

  it('passes unknown extra fields through a loose schema to the handler', async () => {
    const schema = z.looseObject({ id: z.number() })
    const seen = vi.fn()
    const webhook = createWebhook(generic({ verify, schema })).on('*', ({ payload }) => {
      seen(payload)
    })
    const answer = await send(
      webhook,
      request({ headers: SIGNED, body: '{"id":1,"extra":[true]}' }),
    )
    expect(answer.status).toBe(200)
    expect(seen).toHaveBeenCalledWith({ id: 1, extra: [true] })
  })

  it('answers 401, not 400, to an unsigned body that is not JSON', async () => {
    const answer = await send(createWebhook(generic({ verify })), request({ body: '{nope' }))
    expect(answer.status).toBe(401)
  })

  it('answers 401, not 415, to an unsigned form post', async () => {
    const headers = { 'content-type': 'application/x-www-form-urlencoded' }
    const answer = await send(createWebhook(generic({ verify })), request({ headers, body: 'a=1' }))
    expect(answer.status).toBe(401)
  })

  it('answers 415, not 400, to a signed form post that is not JSON', async () => {
    const headers = { ...SIGNED, 'content-type': 'multipart/form-data; boundary=x' }
    const answer = await send(createWebhook(generic({ verify })), request({ headers, body: '--x' }))
    expect(answer.status).toBe(415)
  })

  it('answers invalid_json, not invalid_payload, when JSON and schema both fail', async () => {
    const webhook = createWebhook(generic({ verify, schema: z.object({ id: z.number() }) }))
    const answer = await send(webhook, request({ headers: SIGNED, body: '[' }))
    expect(answer.json).toMatchObject({ error: 'invalid_json' })
  })

  it('runs verifiers cheapest first and stops at the first failure', async () => {
    const calls: string[] = []
    const check = (name: string, cost: number, ok: boolean): Verifier => ({
      name,
      cost,
      verify() {
        calls.push(name)
        return ok ? { ok } : { ok, error: new WebhookError('forbidden_ip', `${name} refused`) }
      },
    })
    const platform = generic({
      verify: [check('hmac', 4, true), check('address', 0, true), check('token', 2, false)],
    })
    const answer = await send(createWebhook(platform), request({ body: '{}' }))
    expect(answer.status).toBe(403)
    expect(answer.json).toEqual({ error: 'forbidden_ip', message: 'token refused' })
    expect(calls).toEqual(['address', 'token'])
  })

  it('waits for an asynchronous verifier before parsing', async () => {
    const slow: Verifier = {
      name: 'slow',
      cost: 1,
      verify: async () => ({ ok: false, error: new WebhookError('signature_invalid', 'slow no') }),
    }
    const answer = await send(createWebhook(generic({ verify: slow })), request({ body: '{' }))
    expect(answer.json).toEqual({ error: 'signature_invalid', message: 'slow no' })
  })
})
