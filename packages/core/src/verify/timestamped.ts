import { type SignedBytes, toParts } from '../crypto/types.ts'
import { assertKnownOptions, headerName } from '../internal/options.ts'
import { readHeader } from '../request.ts'
import { createSignatureCheck, type SignatureOptions } from './signature.ts'
import { COST, PASSED, refusal, type Verifier } from './types.ts'

export interface TimestampedSignatureOptions extends SignatureOptions {
  /** The header carrying the signature. */
  readonly header: string
  /** The header carrying the time the sender signed at. */
  readonly timestampHeader: string
  /** How far the timestamp may be from now, in the past or the future. Default 300. */
  readonly toleranceSeconds?: number
  /** The signed bytes, from the timestamp text exactly as sent and the raw body. */
  readonly message?: (timestamp: string, body: Uint8Array) => SignedBytes
  /** Reads the timestamp header as epoch milliseconds; `NaN` refuses it. Default: Unix seconds. */
  readonly parseTimestamp?: (text: string) => number
  /** The clock, in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number
}

const KNOWN = [
  'header',
  'timestampHeader',
  'secret',
  'algorithm',
  'encoding',
  'prefix',
  'ignoreCase',
  'toleranceSeconds',
  'message',
  'parseTimestamp',
  'now',
]

/**
 * Checks a signature over a timestamp and the body, and refuses a timestamp further than
 * `toleranceSeconds` from now in either direction, so a captured request cannot be replayed
 * later nor pre-signed for the future. The window is checked before any HMAC is computed.
 * Options: `header`, `timestampHeader`, `secret` (all required), `toleranceSeconds` (300),
 * `message` (`timestamp + "." + body`), `parseTimestamp` (Unix seconds), `now` (`Date.now`),
 * and `algorithm`, `encoding`, `prefix`, `ignoreCase` as for `hmacSignature`.
 *
 * @throws TypeError when a required option is missing or the tolerance is not positive.
 * @example
 * ```ts
 * const verify = timestampedSignature({
 *   header: 'X-LB-Signature', timestampHeader: 'X-LB-Timestamp', prefix: 'sha256=', secret,
 * })
 * ```
 */
export function timestampedSignature(options: TimestampedSignatureOptions): Verifier {
  const factory = 'timestampedSignature'
  assertKnownOptions(factory, options, KNOWN)
  const header = headerName(factory, 'header', options.header)
  const timestampHeader = headerName(factory, 'timestampHeader', options.timestampHeader)
  const toleranceMs = tolerance(options.toleranceSeconds) * 1000
  const check = createSignatureCheck(factory, options)
  const message = options.message ?? signTimestampDotBody
  const parse = options.parseTimestamp ?? parseUnixSeconds
  const now = options.now ?? Date.now
  const { header: label, timestampHeader: timestampLabel } = options
  const missing = refusal('signature_missing', `Missing ${label} header`)
  const missingTimestamp = refusal('signature_missing', `Missing ${timestampLabel} header`)
  const outOfWindow = refusal(
    'timestamp_out_of_window',
    `${timestampLabel} is not within ${toleranceMs / 1000} s of the current time`,
  )
  const invalid = refusal('signature_invalid', `${label} does not match the body`)
  return {
    name: factory,
    cost: COST.timestamp,
    async verify({ request }) {
      const received = readHeader(request, header)
      const timestamp = readHeader(request, timestampHeader)
      if (received === undefined) return missing
      if (timestamp === undefined) return missingTimestamp
      const sentAt = parse(timestamp)
      if (!Number.isFinite(sentAt) || Math.abs(now() - sentAt) > toleranceMs) {
        return outOfWindow
      }
      if (await check.matches(received, toParts(message(timestamp, request.body)))) return PASSED
      return invalid
    },
  }
}

function signTimestampDotBody(timestamp: string, body: Uint8Array): SignedBytes {
  return [timestamp, '.', body]
}

/** Decimal Unix seconds only: no sign, exponent, fraction or whitespace. */
function parseUnixSeconds(text: string): number {
  return /^\d{1,12}$/.test(text) ? Number(text) * 1000 : Number.NaN
}

function tolerance(value: number | undefined): number {
  if (value === undefined) return 300
  if (!Number.isFinite(value) || value <= 0) {
    throw new TypeError('timestampedSignature: option "toleranceSeconds" must be a positive number')
  }
  return value
}
