import { type HmacSignatureOptions, hmacSignature } from '@chathooks/core'
import { request, sign } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { serve, verdict } from './harness.ts'

const header = 'X-Signature'
const secret = 'hmac-test-secret-0123456789'
const body = '{"event":"message","message":{"text":"hello"}}'
// Pretty-printed, non-ASCII, with `\u` escapes and a trailing newline: re-serializing changes it.
const fixture =
  '{\n  "event": "message",\n  "sender": { "name": "Zoë Ångström" },\n  "message": { "text": "Привет, Malé! 👋 \\u00e9" }\n}\n'

const signed = async (bytes: string, signature?: string) =>
  request({ body: bytes, headers: { [header]: signature ?? (await sign(bytes, { secret })) } })

describe('hmacSignature', () => {
  it.each([
    ['sha1', 'hex'],
    ['sha1', 'base64'],
    ['sha256', 'hex'],
    ['sha256', 'base64'],
    ['sha512', 'hex'],
    ['sha512', 'base64'],
  ] as const)('accepts a body signed with %s in %s', async (algorithm, encoding) => {
    const verifier = hmacSignature({ header, secret, algorithm, encoding })
    const signature = await sign(body, { secret, algorithm, encoding })
    expect(await verdict(verifier, await signed(body, signature))).toBe('passed')
  })

  it('accepts the official Viber vector', async () => {
    const verifier = hmacSignature({
      header: 'X-Viber-Content-Signature',
      secret: '44dafb7e0f40021e-61a47a1e6778d187-f2c5a676a07050b3',
    })
    const req = request({
      body: '{"event":"webhook","timestamp":4977069964384421269,"message_token":1478683725125}',
      headers: {
        'X-Viber-Content-Signature':
          'd21b343448c8aee33b8e93768ef6ceb64a6ba6163099973a2b8bd028fea510ef',
      },
    })
    expect(await verdict(verifier, req)).toBe('passed')
  })

  it('accepts the Clustaar vector signed over "date=None\\n" and the body', async () => {
    const verifier = hmacSignature({
      header: 'X-Hub-Signature',
      secret: 'test',
      algorithm: 'sha1',
      prefix: 'sha1=',
      message: (req) => {
        const date = req.headers.date
        return ['date=', typeof date === 'string' ? date : 'None', '\n', req.body]
      },
    })
    const signature = 'sha1=fc2bdea0e6a9e0dc333dece7568b5c3337a92342'
    const headers = { 'X-Hub-Signature': signature }
    expect(await verdict(verifier, request({ body: '{}', headers }))).toBe('passed')
    const dated = { ...headers, Date: 'Mon, 10 Jun 2024 06:13:20 GMT' }
    expect(await verdict(verifier, request({ body: '{}', headers: dated }))).toBe(
      'signature_invalid',
    )
  })

  it('verifies a pretty-printed non-ASCII body on its exact bytes', async () => {
    const verifier = hmacSignature({ header, secret })
    expect(await verdict(verifier, await signed(fixture))).toBe('passed')
  })

  it('refuses the signature of a body once the JSON is re-serialized', async () => {
    const verifier = hmacSignature({ header, secret })
    const reserialized = JSON.stringify(JSON.parse(fixture))
    expect(reserialized).not.toBe(fixture)
    const req = await signed(reserialized, await sign(fixture, { secret }))
    expect(await verdict(verifier, req)).toBe('signature_invalid')
  })

  it('reports signature_missing without the header', async () => {
    const verifier = hmacSignature({ header, secret })
    expect(await verdict(verifier, request({ body }))).toBe('signature_missing')
  })

  it.each([
    ['signed with another secret', async () => sign(body, { secret: 'another-secret' })],
    ['signed over another body', async () => sign(`${body} `, { secret })],
    ['one character short', async () => (await sign(body, { secret })).slice(0, -1)],
    ['one character long', async () => `${await sign(body, { secret })}0`],
    ['half as long', async () => (await sign(body, { secret })).slice(0, 32)],
    ['empty', async () => ''],
    [
      'signed with SHA-1 for a SHA-256 verifier',
      async () => sign(body, { secret, algorithm: 'sha1' }),
    ],
    ['base64 for a hex verifier', async () => sign(body, { secret, encoding: 'base64' })],
  ])('refuses a signature %s', async (_, make) => {
    const verifier = hmacSignature({ header, secret })
    expect(await verdict(verifier, await signed(body, await make()))).toBe('signature_invalid')
  })

  it('refuses a body with one byte changed', async () => {
    const verifier = hmacSignature({ header, secret })
    const signature = await sign(fixture, { secret })
    const tampered = new TextEncoder().encode(fixture)
    tampered[20] = (tampered[20] ?? 0) ^ 0x01
    const req = request({ body: tampered, headers: { [header]: signature } })
    expect(await verdict(verifier, req)).toBe('signature_invalid')
  })

  it('refuses a signature with one character changed', async () => {
    const verifier = hmacSignature({ header, secret })
    const signature = await sign(body, { secret })
    const last = signature.at(-1) === '0' ? '1' : '0'
    expect(await verdict(verifier, await signed(body, signature.slice(0, -1) + last))).toBe(
      'signature_invalid',
    )
  })

  it('refuses a signature header sent twice, even when one copy is right', async () => {
    const verifier = hmacSignature({ header, secret })
    const signature = await sign(body, { secret })
    const req = { ...request({ body }), headers: { 'x-signature': [signature, signature] } }
    expect(await verdict(verifier, req)).toBe('signature_invalid')
  })

  it('accepts every secret of a rotation list and no other', async () => {
    const verifier = hmacSignature({ header, secret: ['new-secret', 'old-secret'] })
    for (const key of ['new-secret', 'old-secret']) {
      expect(await verdict(verifier, await signed(body, await sign(body, { secret: key })))).toBe(
        'passed',
      )
    }
    const third = await sign(body, { secret: 'third-secret' })
    expect(await verdict(verifier, await signed(body, third))).toBe('signature_invalid')
  })

  describe('prefix', () => {
    const verifier = hmacSignature({ header, secret, prefix: 'sha256=' })

    it('accepts the signature after the prefix', async () => {
      const req = await signed(body, await sign(body, { secret, prefix: 'sha256=' }))
      expect(await verdict(verifier, req)).toBe('passed')
    })

    it.each([
      ['without the prefix', ''],
      ['with another prefix', 'sha1='],
      ['with the prefix in upper case', 'SHA256='],
    ])('refuses the signature %s', async (_, prefix) => {
      const req = await signed(body, await sign(body, { secret, prefix }))
      expect(await verdict(verifier, req)).toBe('signature_invalid')
    })
  })

  describe('query fallback', () => {
    const viber = hmacSignature({ header: 'X-Viber-Content-Signature', secret, query: 'sig' })

    it('reads the signature from the query parameter when the header is absent', async () => {
      const req = request({ url: `/?sig=${await sign(body, { secret })}`, body })
      expect(await verdict(viber, req)).toBe('passed')
    })

    it('prefers the header to the query parameter', async () => {
      const signature = await sign(body, { secret })
      const headers = { 'X-Viber-Content-Signature': '0'.repeat(64) }
      const req = request({ url: `/?sig=${signature}`, body, headers })
      expect(await verdict(viber, req)).toBe('signature_invalid')
    })

    it('refuses a wrong signature in the query parameter', async () => {
      const req = request({ url: `/?sig=${await sign(body, { secret: 'other' })}`, body })
      expect(await verdict(viber, req)).toBe('signature_invalid')
    })

    it('reports signature_missing when neither carries a signature', async () => {
      expect(await verdict(viber, request({ url: '/?other=1', body }))).toBe('signature_missing')
    })

    it('never reads the query unless the option names a parameter', async () => {
      const verifier = hmacSignature({ header: 'X-Viber-Content-Signature', secret })
      const req = request({ url: `/?sig=${await sign(body, { secret })}`, body })
      expect(await verdict(verifier, req)).toBe('signature_missing')
    })
  })

  describe('ignoreCase', () => {
    it.each([
      [false, 'signature_invalid'],
      [true, 'passed'],
    ])('with ignoreCase %s, answers %s to upper-case hex', async (ignoreCase, expected) => {
      const verifier = hmacSignature({ header, secret, ignoreCase })
      const upper = (await sign(body, { secret })).toUpperCase()
      expect(await verdict(verifier, await signed(body, upper))).toBe(expected)
    })

    it('refuses upper-case hex by default', async () => {
      const verifier = hmacSignature({ header, secret })
      const upper = (await sign(body, { secret })).toUpperCase()
      expect(await verdict(verifier, await signed(body, upper))).toBe('signature_invalid')
    })

    it('never folds the case of base64, where case is part of the value', async () => {
      const verifier = hmacSignature({ header, secret, encoding: 'base64', ignoreCase: true })
      const signature = await sign(body, { secret, encoding: 'base64' })
      const swapped = [...signature]
        .map((char) => (char === char.toLowerCase() ? char.toUpperCase() : char.toLowerCase()))
        .join('')
      expect(signature).not.toBe(signature.toLowerCase())
      expect(swapped).not.toBe(signature)
      expect(await verdict(verifier, await signed(body, swapped))).toBe('signature_invalid')
      expect(await verdict(verifier, await signed(body, signature))).toBe('passed')
    })
  })

  describe('through createWebhook', () => {
    const verify = hmacSignature({ header, secret })

    it('runs the handler for a valid signature and sends its reply', async () => {
      const result = await serve(verify, await signed(fixture))
      expect(result).toMatchObject({ status: 200, json: { handled: true }, ran: true })
    })

    it.each([
      ['missing', undefined, 'signature_missing'],
      ['wrong', '0'.repeat(64), 'signature_invalid'],
    ])(
      'answers 401 without running the handler when the signature is %s',
      async (_, value, code) => {
        const headers: Record<string, string> = value === undefined ? {} : { [header]: value }
        const { status, text, json, ran } = await serve(verify, request({ body: fixture, headers }))
        expect({ status, text, json, ran }).toEqual({
          status: 401,
          text: expect.any(String),
          json: { error: code, message: expect.any(String) },
          ran: false,
        })
      },
    )

    it("accepts Viber's signature in the sig query parameter", async () => {
      const viber = hmacSignature({ header: 'X-Viber-Content-Signature', secret, query: 'sig' })
      const url = `/viber?sig=${await sign(fixture, { secret })}`
      const result = await serve(viber, request({ url, body: fixture }))
      expect(result).toMatchObject({ status: 200, json: { handled: true }, ran: true })
    })

    it('never puts the secret or a signature in the error body', async () => {
      const expected = await sign(fixture, { secret })
      const sent = await sign(fixture, { secret: 'attacker' })
      const result = await serve(verify, await signed(fixture, sent))
      expect(result.status).toBe(401)
      for (const leak of [secret, expected, sent]) expect(result.text).not.toContain(leak)
    })
  })

  describe('configuration', () => {
    it.each([
      ['a missing secret', { header }, 'secret'],
      ['an empty secret', { header, secret: '' }, 'secret'],
      ['an empty rotation list', { header, secret: [] }, 'secret'],
      ['an empty secret in a list', { header, secret: ['ok', ''] }, 'secret'],
      ['a missing header', { secret }, 'header'],
      ['a header name with a space', { header: 'X Signature', secret }, 'header'],
      ['an unknown algorithm', { header, secret, algorithm: 'md5' }, 'algorithm'],
      ['an unknown encoding', { header, secret, encoding: 'base32' }, 'encoding'],
      ['an unknown option', { header, secret, secrets: ['x'] }, 'secrets'],
    ])('throws at creation on %s, naming the option', (_, options, option) => {
      const create = () => hmacSignature(options as unknown as HmacSignatureOptions)
      expect(create).toThrow(TypeError)
      expect(create).toThrow(`"${option}"`)
      expect(create).not.toThrow(secret)
    })
  })
})
