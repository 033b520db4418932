import type { WebhookError } from '../../errors.ts'
import { jsonResponse, type WebhookResponse } from '../../request.ts'

/** LangBot's answer to every request: `{code, msg, data}`, `code` 0 on success. */
export interface Envelope<Data = unknown> {
  readonly code: number
  readonly msg: string
  readonly data: Data | null
}

/** A success answer. */
export function success(status: number, msg: string, data: unknown): WebhookResponse {
  return jsonResponse(status, { code: 0, msg, data })
}

/**
 * A refusal in LangBot's terms: the body code is the status times 100 plus 1 (40101, 40901,
 * 50301...), `data` is null. An unknown sub-path is 400 there, where core says 404.
 */
export function refusal(
  status: number,
  msg: string,
  headers?: Readonly<Record<string, string>>,
): WebhookResponse {
  return jsonResponse(status, { code: status * 100 + 1, msg, data: null }, headers)
}

/** Core's refusals (route, method, size, signature, payload, store, shutdown) as envelopes. */
export function toEnvelope(error: WebhookError): WebhookResponse {
  const status = error.code === 'not_found' ? 400 : error.status
  return refusal(status, error.message, error.headers)
}
