import { performance } from 'node:perf_hooks'
import type { WebhookRequest } from '@chathooks/core'
import { CliError } from '../cli-error.ts'
import { joinUrl } from './url.ts'

/** What came back for one request. */
export interface Answer {
  /** The absolute URL the request went to. */
  readonly url: string
  readonly status: number
  readonly statusText: string
  /** Response headers, names lower-cased, in the order received. */
  readonly headers: Readonly<Record<string, string>>
  readonly body: string
  /** From sending the request to the last byte of the answer, in milliseconds. */
  readonly ms: number
}

export interface SendRequestOptions {
  /** How long to wait for the whole answer. Default 10 000 ms. */
  readonly timeoutMs?: number
}

/**
 * Sends a built request (its exact bytes and headers) to the webhook mounted at `base`, and
 * reads the whole answer.
 *
 * @throws CliError `unreachable` when nothing answers, `timeout` when the answer is late; the
 *   message names the URL and the reason, never a header.
 * @example
 * ```ts
 * const answer = await sendRequest(new URL('http://127.0.0.1:8080/viber'), request)
 * ```
 */
export async function sendRequest(
  base: URL,
  request: WebhookRequest,
  options: SendRequestOptions = {},
): Promise<Answer> {
  const url = joinUrl(base, request.url)
  const timeoutMs = options.timeoutMs ?? 10_000
  const headers = new Headers()
  for (const [name, value] of Object.entries(request.headers)) {
    for (const item of typeof value === 'string' ? [value] : (value ?? [])) {
      headers.append(name, item)
    }
  }
  const started = performance.now()
  try {
    const response = await fetch(url, {
      method: request.method,
      headers,
      body: request.method === 'GET' ? null : (request.body as Uint8Array<ArrayBuffer>),
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    })
    const body = await response.text()
    const received: Record<string, string> = {}
    response.headers.forEach((value, name) => {
      received[name] = value
    })
    return {
      url: url.href,
      status: response.status,
      statusText: response.statusText,
      headers: received,
      body,
      ms: performance.now() - started,
    }
  } catch (error) {
    throw failure(url, error, timeoutMs)
  }
}

function failure(url: URL, error: unknown, timeoutMs: number): CliError {
  if (error instanceof DOMException && error.name === 'TimeoutError') {
    return new CliError('timeout', `no answer from ${url.origin} within ${timeoutMs} ms`)
  }
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause
  const reason = typeof cause?.code === 'string' ? cause.code : String(cause?.message ?? error)
  return new CliError('unreachable', `cannot reach ${url.origin}: ${reason}`)
}
