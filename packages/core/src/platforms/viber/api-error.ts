/**
 * Why a call to the Viber API failed: `viber_status` (Viber answered with a non-zero `status`),
 * `invalid_response` (the answer was not Viber's JSON), `network_error` (no answer at all).
 */
export type ApiErrorCode = 'viber_status' | 'invalid_response' | 'network_error'

interface ApiErrorDetails {
  readonly status?: number | undefined
  readonly statusMessage?: string | undefined
  readonly httpStatus?: number | undefined
  readonly cause?: unknown
}

/**
 * A failed call to the Viber API, with a stable `code`, the `endpoint` called and what Viber
 * said. Its message never contains the auth token: where Viber's own text echoes it, it is
 * replaced by `[auth token]`.
 *
 * @example
 * ```ts
 * try {
 *   await client.sendMessage({ receiver, sender, text: 'Hi' })
 * } catch (error) {
 *   if (error instanceof ViberApiError && error.status === 6) forget(receiver) // not subscribed
 *   else throw error
 * }
 * ```
 */
export class ViberApiError extends Error {
  override readonly name = 'ViberApiError'
  readonly code: ApiErrorCode
  /** The API method, such as `send_message`. */
  readonly endpoint: string
  /** Viber's `status` (e.g. 2 invalid auth token, 6 receiver not subscribed, 12 too many requests). */
  readonly status: number | undefined
  /** Viber's `status_message`, such as `receiverNotSubscribed`. */
  readonly statusMessage: string | undefined
  /** The HTTP status of the answer, when there was one. */
  readonly httpStatus: number | undefined

  constructor(
    code: ApiErrorCode,
    endpoint: string,
    message: string,
    details: ApiErrorDetails = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause })
    this.code = code
    this.endpoint = endpoint
    this.status = details.status
    this.statusMessage = details.statusMessage
    this.httpStatus = details.httpStatus
  }
}
