import {
  type TimestampedSignatureOptions,
  timestampedSignature,
  type WebhookRequest,
} from '@chathooks/core'
import { request, sign } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { serve, verdict } from './harness.ts'

const secret = 'langbot-inbound-secret'
const NOW = 1_718_000_000_000
const seconds = (offset = 0) => String(NOW / 1000 + offset)
const body = '{"session_id":"s1","message":[{"type":"Plain","text":"hi"}]}'
const fixture =
  '{\n  "session_id": "группа-7",\n  "message": [\n    { "type": "Plain", "text": "Grüß Gott 🏔 \\u00e9" }\n  ]\n}\n'

// LangBot's HTTP Bot signing: `sha256=` + hex HMAC over `<timestamp>.<body>`.
const langbot = (extra: Partial<TimestampedSignatureOptions> = {}) =>
  timestampedSignature({
    header: 'X-LB-Signature',
    timestampHeader: 'X-LB-Timestamp',
    prefix: 'sha256=',
    secret,
    now: () => NOW,
    ...extra,
  })

async function signed(timestamp: string, bytes = body, options: { secret?: string } = {}) {
  const signature = await sign(`${timestamp}.${bytes}`, {
    secret: options.secret ?? secret,
    prefix: 'sha256=',
  })
  return request({
    body: bytes,
    headers: { 'X-LB-Signature': signature, 'X-LB-Timestamp': timestamp },
  })
}

const withHeaders = (req: WebhookRequest, headers: Record<string, string | undefined>) => ({
  ...req,
  headers: { ...req.headers, ...headers },
})

describe('timestampedSignature', () => {
  it('accepts a body signed over the timestamp, a dot and the body', async () => {
    expect(await verdict(langbot(), await signed(seconds()))).toBe('passed')
  })

  it('verifies a pretty-printed non-ASCII body on its exact bytes', async () => {
    expect(await verdict(langbot(), await signed(seconds(), fixture))).toBe('passed')
    const reserialized = JSON.stringify(JSON.parse(fixture))
    const req = {
      ...(await signed(seconds(), fixture)),
      body: new TextEncoder().encode(reserialized),
    }
    expect(await verdict(langbot(), req)).toBe('signature_invalid')
  })

  it.each([-300, -299, -1, 0, 1, 299, 300])('accepts a timestamp %i s from now', async (offset) => {
    expect(await verdict(langbot(), await signed(seconds(offset)))).toBe('passed')
  })

  it.each([-301, 301, -86_400, 86_400])('refuses a timestamp %i s from now', async (offset) => {
    expect(await verdict(langbot(), await signed(seconds(offset)))).toBe('timestamp_out_of_window')
  })

  it.each([
    [-10, 'passed'],
    [10, 'passed'],
    [-11, 'timestamp_out_of_window'],
    [11, 'timestamp_out_of_window'],
  ])(
    'with toleranceSeconds 10, answers a timestamp %i s from now with %s',
    async (offset, code) => {
      expect(await verdict(langbot({ toleranceSeconds: 10 }), await signed(seconds(offset)))).toBe(
        code,
      )
    },
  )

  it('reads the clock on every request, so a replay later is refused', async () => {
    let now = NOW
    const verifier = langbot({ now: () => now })
    const req = await signed(seconds())
    expect(await verdict(verifier, req)).toBe('passed')
    now += 301_000
    expect(await verdict(verifier, req)).toBe('timestamp_out_of_window')
  })

  // Each clock is set where a lenient `Number(text)` would land inside the window.
  it.each([
    ['in exponent form', '1e9', 1e12],
    ['with a leading space', ' 123', 123_000],
    ['with a trailing space', '123 ', 123_000],
    ['negative', '-5', 0],
    ['with a plus sign', `+${seconds()}`, NOW],
    ['empty', '', 0],
    ['with a fraction', '12.5', 12_500],
    ['in hex', '0x10', 16_000],
    ['in milliseconds', String(NOW), NOW],
    ['not a number', 'now', NOW],
  ])('refuses a timestamp %s', async (_, timestamp, now) => {
    const req = await signed(timestamp)
    expect(await verdict(langbot({ now: () => now }), req)).toBe('timestamp_out_of_window')
  })

  it('refuses a signature made for another timestamp', async () => {
    const req = withHeaders(await signed(seconds(-1)), { 'x-lb-timestamp': seconds() })
    expect(await verdict(langbot(), req)).toBe('signature_invalid')
  })

  it('checks the window before the signature', async () => {
    const req = withHeaders(await signed(seconds(-400)), { 'x-lb-signature': 'sha256=00' })
    expect(await verdict(langbot(), req)).toBe('timestamp_out_of_window')
  })

  it.each([
    ['signature', 'x-lb-signature'],
    ['timestamp', 'x-lb-timestamp'],
  ])('reports signature_missing without the %s header', async (_, name) => {
    const req = withHeaders(await signed(seconds()), { [name]: undefined })
    expect(await verdict(langbot(), req)).toBe('signature_missing')
  })

  it.each([
    [
      'signed with another secret',
      async () => sign(`${seconds()}.${body}`, { secret: 'other', prefix: 'sha256=' }),
    ],
    ['without its prefix', async () => sign(`${seconds()}.${body}`, { secret })],
    [
      'in upper case',
      async () => `sha256=${(await sign(`${seconds()}.${body}`, { secret })).toUpperCase()}`,
    ],
    [
      'one character short',
      async () => (await sign(`${seconds()}.${body}`, { secret, prefix: 'sha256=' })).slice(0, -1),
    ],
    [
      'with its last character changed',
      async () => {
        const signature = await sign(`${seconds()}.${body}`, { secret, prefix: 'sha256=' })
        return signature.slice(0, -1) + (signature.endsWith('0') ? '1' : '0')
      },
    ],
    ['signed over the body alone', async () => sign(body, { secret, prefix: 'sha256=' })],
  ])('refuses a signature %s', async (_, make) => {
    const req = withHeaders(await signed(seconds()), { 'x-lb-signature': await make() })
    expect(await verdict(langbot(), req)).toBe('signature_invalid')
  })

  it('refuses a body with one byte changed', async () => {
    const req = await signed(seconds(), fixture)
    const tampered = Uint8Array.from(req.body)
    tampered[tampered.length - 1] = 0x20
    expect(await verdict(langbot(), { ...req, body: tampered })).toBe('signature_invalid')
  })

  it('accepts every secret of a rotation list and no other', async () => {
    const verifier = langbot({ secret: ['new-secret', 'old-secret'] })
    expect(await verdict(verifier, await signed(seconds(), body, { secret: 'new-secret' }))).toBe(
      'passed',
    )
    expect(await verdict(verifier, await signed(seconds(), body, { secret: 'old-secret' }))).toBe(
      'passed',
    )
    expect(await verdict(verifier, await signed(seconds(), body, { secret: 'third' }))).toBe(
      'signature_invalid',
    )
  })

  describe('with an HTTP date and a custom message (Clustaar style)', () => {
    const clustaar = timestampedSignature({
      header: 'X-Hub-Signature',
      timestampHeader: 'Date',
      secret,
      algorithm: 'sha1',
      prefix: 'sha1=',
      toleranceSeconds: 10,
      parseTimestamp: (text) => Date.parse(text),
      message: (date, bytes) => ['date=', date, '\n', bytes],
      now: () => NOW,
    })
    const dated = async (date: string) =>
      request({
        body: fixture,
        headers: {
          Date: date,
          'X-Hub-Signature': await sign(`date=${date}\n${fixture}`, {
            secret,
            algorithm: 'sha1',
            prefix: 'sha1=',
          }),
        },
      })

    it('accepts a request signed over "date=", the Date header, a newline and the body', async () => {
      expect(await verdict(clustaar, await dated(new Date(NOW).toUTCString()))).toBe('passed')
    })

    it.each([-11_000, 11_000])('refuses a Date %i ms away', async (offset) => {
      const req = await dated(new Date(NOW + offset).toUTCString())
      expect(await verdict(clustaar, req)).toBe('timestamp_out_of_window')
    })

    it('refuses a Date that does not parse', async () => {
      expect(await verdict(clustaar, await dated('yesterday'))).toBe('timestamp_out_of_window')
    })
  })

  describe('through createWebhook', () => {
    it('runs the handler for a fresh, valid request', async () => {
      expect(await serve(langbot(), await signed(seconds(), fixture))).toMatchObject({
        status: 200,
        json: { handled: true },
        ran: true,
      })
    })

    it.each([
      ['stale', async () => signed(seconds(-301)), 'timestamp_out_of_window'],
      [
        'without a timestamp',
        async () => withHeaders(await signed(seconds()), { 'x-lb-timestamp': undefined }),
        'signature_missing',
      ],
      [
        'signed with another secret',
        async () => signed(seconds(), body, { secret: 'other' }),
        'signature_invalid',
      ],
    ])('answers 401 to a request %s without running the handler', async (_, make, code) => {
      const req = await make()
      const result = await serve(langbot(), req)
      expect(result).toMatchObject({
        status: 401,
        json: { error: code, message: expect.any(String) },
        ran: false,
      })
      const sent = req.headers['x-lb-signature']
      expect(result.text).not.toContain(secret)
      expect(result.text).not.toContain(String(sent).slice('sha256='.length))
    })
  })

  describe('configuration', () => {
    const base = { header: 'X-LB-Signature', timestampHeader: 'X-LB-Timestamp', secret }
    it.each([
      ['a missing secret', { ...base, secret: undefined }, 'secret'],
      ['a missing timestampHeader', { ...base, timestampHeader: undefined }, 'timestampHeader'],
      ['a bad timestampHeader', { ...base, timestampHeader: 'X:TS' }, 'timestampHeader'],
      ['a missing header', { ...base, header: undefined }, 'header'],
      ['a zero tolerance', { ...base, toleranceSeconds: 0 }, 'toleranceSeconds'],
      ['a negative tolerance', { ...base, toleranceSeconds: -1 }, 'toleranceSeconds'],
      ['a NaN tolerance', { ...base, toleranceSeconds: Number.NaN }, 'toleranceSeconds'],
      [
        'an infinite tolerance',
        { ...base, toleranceSeconds: Number.POSITIVE_INFINITY },
        'toleranceSeconds',
      ],
      ['an unknown algorithm', { ...base, algorithm: 'sha384' }, 'algorithm'],
      ['an unknown option', { ...base, tolerance: 60 }, 'tolerance'],
    ])('throws at creation on %s, naming the option', (_, options, option) => {
      const create = () => timestampedSignature(options as unknown as TimestampedSignatureOptions)
      expect(create).toThrow(TypeError)
      expect(create).toThrow(`"${option}"`)
      expect(create).not.toThrow(secret)
    })
  })
})
