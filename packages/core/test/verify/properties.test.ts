import {
  hmacSignature,
  timestampedSignature,
  type Verifier,
  type WebhookRequest,
} from '@chathooks/core'
import { request, sign } from '@chathooks/core/testing'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { verification } from './harness.ts'

const RUNS = { numRuns: 120 }
const NOW = 1_718_000_000_000
// Every character a hex or base64 signature (or its prefix) can hold, in both cases.
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=.'

const secrets = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 })
const bodies = fc.uint8Array({ minLength: 1, maxLength: 300 })
const encodings = fc.constantFrom('hex' as const, 'base64' as const)

async function outcome(verifier: Verifier, req: WebhookRequest): Promise<string> {
  const result = await verification(verifier, req)
  return result.ok ? 'passed' : `${result.error.status} ${result.error.code}`
}

/** `text` with the character at `at` (modulo its length) replaced by a different one. */
function replaceOne(text: string, at: number, shift: number): string {
  const index = at % text.length
  const current = ALPHABET.indexOf(text.charAt(index))
  const next = ALPHABET.charAt((current + 1 + (shift % (ALPHABET.length - 1))) % ALPHABET.length)
  return text.slice(0, index) + next + text.slice(index + 1)
}

function flipOne(bytes: Uint8Array, at: number, mask: number): Uint8Array {
  const copy = Uint8Array.from(bytes)
  const index = at % copy.length
  copy[index] = (copy[index] ?? 0) ^ mask
  return copy
}

describe('hmacSignature, for any body and secret', () => {
  const header = 'X-Signature'
  const signed = (body: Uint8Array, signature: string) =>
    request({ body, headers: { [header]: signature } })

  it('accepts the signed body and refuses any one-byte change of it', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies,
        secrets,
        encodings,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (body, secret, encoding, at, mask) => {
          const verifier = hmacSignature({ header, secret, encoding })
          const signature = await sign(body, { secret, encoding })
          expect(await outcome(verifier, signed(body, signature))).toBe('passed')
          expect(await outcome(verifier, signed(flipOne(body, at, mask), signature))).toBe(
            '401 signature_invalid',
          )
        },
      ),
      RUNS,
    )
  })

  it('refuses a signature with any one character replaced, case changes included', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies,
        secrets,
        encodings,
        fc.nat(),
        fc.nat(),
        async (body, secret, encoding, at, shift) => {
          const verifier = hmacSignature({ header, secret, encoding, prefix: 'sha256=' })
          const signature = await sign(body, { secret, encoding, prefix: 'sha256=' })
          const changed = replaceOne(signature, at, shift)
          expect(changed).not.toBe(signature)
          expect(await outcome(verifier, signed(body, changed))).toBe('401 signature_invalid')
        },
      ),
      RUNS,
    )
  })

  it('folds the case of one hex letter only when ignoreCase is on', async () => {
    await fc.assert(
      fc.asyncProperty(bodies, secrets, fc.nat(), async (body, secret, at) => {
        const signature = await sign(body, { secret })
        const letters = [...signature.matchAll(/[a-f]/g)].map((match) => match.index)
        fc.pre(letters.length > 0)
        const index = letters[at % letters.length] ?? 0
        const upper =
          signature.slice(0, index) +
          signature.charAt(index).toUpperCase() +
          signature.slice(index + 1)
        const strict = hmacSignature({ header, secret })
        const folding = hmacSignature({ header, secret, ignoreCase: true })
        expect(await outcome(strict, signed(body, upper))).toBe('401 signature_invalid')
        expect(await outcome(folding, signed(body, upper))).toBe('passed')
      }),
      RUNS,
    )
  })
})

describe('timestampedSignature, for any body, secret and timestamp in the window', () => {
  const options = {
    header: 'X-LB-Signature',
    timestampHeader: 'X-LB-Timestamp',
    prefix: 'sha256=',
    now: () => NOW,
  }
  const offsets = fc.integer({ min: -300, max: 300 })
  const signed = async (
    body: Uint8Array,
    secret: string,
    offset: number,
    encoding: 'hex' | 'base64',
  ) => {
    const timestamp = String(NOW / 1000 + offset)
    const signature = await sign([timestamp, '.', body], { secret, encoding, prefix: 'sha256=' })
    return { timestamp, signature }
  }
  const sent = (body: Uint8Array, signature: string, timestamp: string) =>
    request({ body, headers: { 'X-LB-Signature': signature, 'X-LB-Timestamp': timestamp } })

  it('accepts the signed request and refuses any one-byte change of the body', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies,
        secrets,
        offsets,
        encodings,
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (body, secret, offset, encoding, at, mask) => {
          const verifier = timestampedSignature({ ...options, secret, encoding })
          const { timestamp, signature } = await signed(body, secret, offset, encoding)
          expect(await outcome(verifier, sent(body, signature, timestamp))).toBe('passed')
          expect(await outcome(verifier, sent(flipOne(body, at, mask), signature, timestamp))).toBe(
            '401 signature_invalid',
          )
        },
      ),
      RUNS,
    )
  })

  it('refuses a signature with any one character replaced', async () => {
    await fc.assert(
      fc.asyncProperty(
        bodies,
        secrets,
        offsets,
        encodings,
        fc.nat(),
        fc.nat(),
        async (body, secret, offset, encoding, at, shift) => {
          const verifier = timestampedSignature({ ...options, secret, encoding })
          const { timestamp, signature } = await signed(body, secret, offset, encoding)
          const changed = replaceOne(signature, at, shift)
          expect(await outcome(verifier, sent(body, changed, timestamp))).toBe(
            '401 signature_invalid',
          )
        },
      ),
      RUNS,
    )
  })

  it('refuses a timestamp with any one character changed, by window or by signature', async () => {
    const replacements = fc.constantFrom(...'0123456789 .-+eEx')
    await fc.assert(
      fc.asyncProperty(
        bodies,
        secrets,
        offsets,
        fc.nat(),
        replacements,
        async (body, secret, offset, at, char) => {
          const verifier = timestampedSignature({ ...options, secret })
          const { timestamp, signature } = await signed(body, secret, offset, 'hex')
          const index = at % timestamp.length
          fc.pre(timestamp.charAt(index) !== char)
          const changed = timestamp.slice(0, index) + char + timestamp.slice(index + 1)
          expect(await outcome(verifier, sent(body, signature, changed))).toMatch(
            /^401 (timestamp_out_of_window|signature_invalid)$/,
          )
        },
      ),
      RUNS,
    )
  })
})
