import { WebhookError, type WebhookErrorCode, type WebhookErrorOptions } from '../errors.ts'
import type { WebhookRequest } from '../request.ts'

/** What a verifier sees: the raw request and where the router put it. */
export interface VerifyContext {
  readonly request: WebhookRequest
  /** The path without the query, relative to the mount point. */
  readonly path: string
  /** The query string without `?`; empty when there is none. */
  readonly query: string
  /** Route parameters, such as the `key` of `/:key`. */
  readonly params: Readonly<Record<string, string>>
}

/** A passed check, or the error the request is refused with. */
export type VerifyResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: WebhookError }

/**
 * One check a request must pass before its body is parsed. `cost` orders the checks of a
 * route, cheapest first, so an address or URL-key check refuses a request before any HMAC is
 * computed.
 */
export interface Verifier {
  readonly name: string
  readonly cost: number
  verify(context: VerifyContext): VerifyResult | Promise<VerifyResult>
}

/** The shared success value; verifiers return it instead of allocating. */
export const PASSED: VerifyResult = { ok: true }

/**
 * A failed result, made once when the verifier is created: refusals carry no per-request data,
 * so a flood of forged requests allocates nothing and captures no stack traces.
 */
export function refusal(
  code: WebhookErrorCode,
  message: string,
  options?: WebhookErrorOptions,
): VerifyResult {
  return { ok: false, error: new WebhookError(code, message, options) }
}

/** Verifier costs, so the order of checks is decided in one place. */
export const COST = {
  address: 0,
  path: 1,
  token: 2,
  timestamp: 3,
  hmac: 4,
} as const
