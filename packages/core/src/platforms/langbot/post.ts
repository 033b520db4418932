import { LangBotError } from './errors.ts'
import type { LbSigner } from './signing.ts'

/** One callback part, its exact bytes fixed before the first attempt. */
export interface CallbackPart {
  readonly sessionId: string
  readonly replyTo: string
  readonly sequence: number
  readonly body: Uint8Array<ArrayBuffer>
}

export interface PostOptions {
  readonly url: string
  readonly fetch: typeof fetch
  readonly signer: LbSigner
  readonly now: () => number
  readonly timeoutMs: number
  readonly retries: number
  readonly retryDelayMs: number
  readonly maxRetryDelayMs: number
}

/** What one attempt ended with: an HTTP status, or the reason there was none. */
type Attempt =
  | { readonly status: number }
  | { readonly status?: undefined; readonly cause: unknown }

/**
 * Delivers one part: signed once, then POSTed until an answer below 400 (delivered), a 4xx
 * (given up at once) or the last retry; 5xx, timeouts and connection errors are retried
 * after `retryDelayMs`, doubling up to `maxRetryDelayMs`, each time with the same bytes and
 * the same signature. Resolves with the error to report, `undefined` once delivered.
 */
export function createPoster(
  options: PostOptions,
): (part: CallbackPart) => Promise<LangBotError | undefined> {
  return async (part) => {
    const signature = await options.signer.sign(part.body, options.now())
    const headers = { 'content-type': 'application/json', ...signature }
    for (let attempt = 0; ; attempt++) {
      const outcome = await post(options, part.body, headers)
      const { status } = outcome
      if (status !== undefined && status < 400) return undefined
      const details = {
        ...where(part),
        status,
        cause: 'cause' in outcome ? outcome.cause : undefined,
      }
      if (status !== undefined && status < 500) {
        return new LangBotError(
          'callback_rejected',
          `The callback receiver refused a reply part with ${status}; it was given up`,
          details,
        )
      }
      if (attempt >= options.retries) {
        const reason = status === undefined ? 'no answer' : `status ${status}`
        return new LangBotError(
          'callback_failed',
          `A reply part got ${reason} on all ${attempt + 1} attempts; it was given up`,
          details,
        )
      }
      await sleep(Math.min(options.retryDelayMs * 2 ** attempt, options.maxRetryDelayMs))
    }
  }
}

function where(part: CallbackPart) {
  return { sessionId: part.sessionId, replyTo: part.replyTo, sequence: part.sequence }
}

// Redirects are not followed: the signed body goes to the configured URL and nowhere else,
// and a 3xx counts as an answer below 400.
async function post(
  options: PostOptions,
  body: Uint8Array<ArrayBuffer>,
  headers: Record<string, string>,
): Promise<Attempt> {
  const controller = new AbortController()
  const timer = setTimeout(
    () => controller.abort(new Error(`no answer within ${options.timeoutMs} ms`)),
    options.timeoutMs,
  )
  try {
    const response = await options.fetch(options.url, {
      method: 'POST',
      headers,
      body,
      redirect: 'manual',
      signal: controller.signal,
    })
    await response.body?.cancel().catch(() => undefined)
    return { status: response.status }
  } catch (cause) {
    return { cause: controller.signal.aborted ? controller.signal.reason : cause }
  } finally {
    clearTimeout(timer)
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
