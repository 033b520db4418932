import { type SignedBytes, toParts } from '../crypto/types.ts'
import { assertKnownOptions, headerName } from '../internal/options.ts'
import { readHeader, type WebhookRequest } from '../request.ts'
import { createSignatureCheck, type SignatureOptions } from './signature.ts'
import { COST, PASSED, refusal, type Verifier } from './types.ts'

export interface HmacSignatureOptions extends SignatureOptions {
  /** The header carrying the signature, e.g. `X-Hub-Signature-256`. */
  readonly header: string
  /** A query parameter read when the header is absent (Viber's SDK reads `sig`). */
  readonly query?: string
  /** The bytes that are signed. Default: the raw body, exactly as received. */
  readonly message?: (request: WebhookRequest) => SignedBytes
}

const KNOWN = [
  'header',
  'secret',
  'algorithm',
  'encoding',
  'prefix',
  'ignoreCase',
  'query',
  'message',
]

/**
 * Checks an HMAC of the raw body (or of the bytes `message` picks) sent in a header, the way
 * GitHub, Viber and pararam sign their webhooks. Options: `header` (required), `secret`
 * (required; a list for rotation), `algorithm` (`'sha256'`), `encoding` (`'hex'`), `prefix`
 * (`''`), `ignoreCase` (`false`), `query` (none), `message` (the body). A missing signature is
 * 401 `signature_missing`; a wrong one 401 `signature_invalid`.
 *
 * @throws TypeError when `header` or `secret` is missing or an option is unknown.
 * @example
 * ```ts
 * const verify = hmacSignature({ header: 'X-Hub-Signature-256', prefix: 'sha256=', secret })
 * ```
 */
export function hmacSignature(options: HmacSignatureOptions): Verifier {
  assertKnownOptions('hmacSignature', options, KNOWN)
  const header = headerName('hmacSignature', 'header', options.header)
  const check = createSignatureCheck('hmacSignature', options)
  const { query, message } = options
  const missing = refusal('signature_missing', `Missing ${options.header} header`)
  const invalid = refusal('signature_invalid', `${options.header} does not match the body`)
  return {
    name: 'hmacSignature',
    cost: COST.hmac,
    async verify({ request, query: search }) {
      const received =
        readHeader(request, header) ??
        (query === undefined ? undefined : (new URLSearchParams(search).get(query) ?? undefined))
      if (received === undefined) {
        return missing
      }
      const parts = message === undefined ? [request.body] : toParts(message(request))
      if (await check.matches(received, parts)) return PASSED
      return invalid
    },
  }
}
