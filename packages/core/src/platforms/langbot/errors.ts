/** Every way the LangBot ends can fail outside a request, as a stable code. */
export type LangBotErrorCode =
  /** The callback receiver answered 4xx; the part was given up. */
  | 'callback_rejected'
  /** 5xx, a timeout or a connection error on every attempt; the part was given up. */
  | 'callback_failed'
  /** The session's callback queue was full; its oldest waiting part was dropped. */
  | 'callback_dropped'
  /** `reply` was called, or a value returned, after the turn's final part. */
  | 'turn_ended'
  /** The client's request did not complete (connection refused, reset, aborted). */
  | 'network_error'
  /** The client got an answer that is not LangBot's `{code, msg, data}` envelope. */
  | 'invalid_response'

/** Where a failed callback part belongs, so a report can be traced to its turn. */
export interface LangBotErrorDetails {
  /** The HTTP status that decided the failure, when there was one. */
  readonly status?: number | undefined
  readonly sessionId?: string | undefined
  readonly replyTo?: string | undefined
  readonly sequence?: number | undefined
  readonly cause?: unknown
}

/**
 * A failure of the LangBot ends that no request answers: a callback given up or dropped
 * (reported to `onError`), a reply after the turn ended, or a client call that got no
 * envelope. Messages name what failed and never contain a secret, a signature or a URL.
 *
 * @example
 * ```ts
 * webhook.onError((error) => {
 *   if (error instanceof LangBotError && error.code === 'callback_rejected') alert(error.sessionId)
 * })
 * ```
 */
export class LangBotError extends Error {
  override readonly name = 'LangBotError'
  readonly code: LangBotErrorCode
  readonly status: number | undefined
  readonly sessionId: string | undefined
  readonly replyTo: string | undefined
  readonly sequence: number | undefined

  constructor(code: LangBotErrorCode, message: string, details: LangBotErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.code = code
    this.status = details.status
    this.sessionId = details.sessionId
    this.replyTo = details.replyTo
    this.sequence = details.sequence
  }
}
