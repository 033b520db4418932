/** Every way a request can fail, as a stable machine-readable code. */
export type WebhookErrorCode =
  | 'not_found'
  | 'method_not_allowed'
  | 'unsupported_media_type'
  | 'body_too_large'
  | 'signature_missing'
  | 'signature_invalid'
  | 'timestamp_out_of_window'
  | 'unauthorized'
  | 'forbidden_ip'
  | 'invalid_json'
  | 'invalid_payload'
  | 'store_unavailable'
  | 'shutting_down'
  | 'body_already_parsed'
  | 'handler_failed'

const STATUS: Readonly<Record<WebhookErrorCode, number>> = {
  not_found: 404,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  body_too_large: 413,
  signature_missing: 401,
  signature_invalid: 401,
  timestamp_out_of_window: 401,
  unauthorized: 401,
  forbidden_ip: 403,
  invalid_json: 400,
  invalid_payload: 400,
  store_unavailable: 503,
  shutting_down: 503,
  body_already_parsed: 500,
  handler_failed: 500,
}

/** One schema failure: where in the payload, and what was wrong. */
export interface PayloadIssue {
  /** Dotted path to the failing value, e.g. `message.chat.id`; empty for the root. */
  readonly path: string
  readonly message: string
}

export interface WebhookErrorOptions {
  /** Overrides the status the code implies (a preset answering in its platform's terms). */
  readonly status?: number
  readonly issues?: readonly PayloadIssue[]
  /** Response headers the failure needs, such as `Allow` or `WWW-Authenticate`. */
  readonly headers?: Readonly<Record<string, string>>
  readonly cause?: unknown
}

/**
 * A request that chathooks refused, with the HTTP status and stable code it answers with.
 * Messages are written for the bot developer and never contain a secret, a signature or a
 * token, so they are safe to log and to send back.
 *
 * @example
 * ```ts
 * webhook.onError((error) => {
 *   if (error instanceof WebhookError) console.warn(error.code, error.status)
 * })
 * ```
 */
export class WebhookError extends Error {
  override readonly name = 'WebhookError'
  readonly code: WebhookErrorCode
  readonly status: number
  readonly issues: readonly PayloadIssue[] | undefined
  readonly headers: Readonly<Record<string, string>>

  constructor(code: WebhookErrorCode, message: string, options: WebhookErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = code
    this.status = options.status ?? STATUS[code]
    this.issues = options.issues
    this.headers = options.headers ?? {}
  }

  /** The body every error response carries: `{ error, message }`, plus `issues` when known. */
  toJSON(): { error: WebhookErrorCode; message: string; issues?: readonly PayloadIssue[] } {
    return this.issues === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, issues: this.issues }
  }
}
