import { readHeader } from '../../request.ts'
import { COST, PASSED, refusal, type Verifier, type VerifyResult } from '../../verify/types.ts'
import { parseHttpDate } from './http-date.ts'

/**
 * The replay window on its own, for a Clustaar webhook guarded by basic auth only (with a
 * private key, `timestampedSignature` checks the same window). It answers exactly as that
 * verifier does: a missing `Date` is 401 `signature_missing`, one that is not an HTTP-date or
 * further than `maxAgeSeconds` from now in either direction is 401 `timestamp_out_of_window`.
 */
export function dateWindow(maxAgeSeconds: number, now: () => number): Verifier {
  const maxAgeMs = maxAgeSeconds * 1000
  const missing = refusal('signature_missing', 'Missing Date header')
  const outOfWindow = refusal(
    'timestamp_out_of_window',
    `Date is not within ${maxAgeSeconds} s of the current time`,
  )
  return {
    name: 'clustaarDateWindow',
    cost: COST.timestamp,
    verify({ request }): VerifyResult {
      const date = readHeader(request, 'date')
      if (date === undefined) return missing
      const sentAt = parseHttpDate(date)
      return Number.isFinite(sentAt) && Math.abs(now() - sentAt) <= maxAgeMs ? PASSED : outOfWindow
    },
  }
}
