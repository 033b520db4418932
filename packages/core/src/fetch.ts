import { concatBytes } from './crypto/codec.ts'
import { belowMount, toMountPath } from './internal/mount.ts'
import { bodyAlreadyParsed, bodyTooLarge, notFound } from './internal/refusals.ts'
import type { WebhookRequest, WebhookResponse } from './request.ts'

/** What `webhook.fetch` needs besides the `Request` that the runtime does not put on it. */
export interface FetchOptions {
  /** The client address, where the runtime knows it (`server.requestIP(req)` on Bun). */
  readonly remoteAddress?: string | undefined
  /** Keeps the isolate alive for ack-first work (Workers' `ctx.waitUntil`). */
  readonly waitUntil?: ((promise: Promise<unknown>) => void) | undefined
  /** A path prefix the webhook is mounted under; it is removed before routing. */
  readonly basePath?: string | undefined
}

/**
 * The request line and headers of a Web `Request` as a `WebhookRequest` with an empty body,
 * so routing can refuse a request before its body is read.
 *
 * @throws WebhookError `not_found` when the path lies outside `basePath`.
 */
export function toRequestHead(request: Request, options: FetchOptions = {}): WebhookRequest {
  const url = new URL(request.url)
  const headers: Record<string, string> = {}
  request.headers.forEach((value, name) => {
    headers[name] = value
  })
  const mount =
    options.basePath === undefined || options.basePath === ''
      ? ''
      : toMountPath('fetch', 'option "basePath"', options.basePath)
  // A path outside the mount point is not this webhook's, even when its rest matches a route.
  const below = belowMount(url.pathname + url.search, mount)
  if (below === undefined) throw notFound()
  return {
    method: request.method,
    url: below,
    headers,
    body: new Uint8Array(0),
    remoteAddress: options.remoteAddress,
  }
}

/**
 * Reads at most `limit` bytes of a Web `Request`'s body. A declared or streamed length over
 * the limit stops the read and throws `body_too_large`, so an oversized upload is never
 * buffered whole.
 */
export async function readBody(request: Request, limit: number): Promise<Uint8Array> {
  // A middleware that read the body (Hono's `c.req.json()`) leaves a used or locked stream.
  if (request.bodyUsed || request.body?.locked === true) throw bodyAlreadyParsed()
  if (Number(request.headers.get('content-length')) > limit) throw bodyTooLarge(limit)
  return request.body === null ? new Uint8Array(0) : readLimited(request.body, limit)
}

/** Turns core's answer into a Web `Response`. */
export function toResponse(response: WebhookResponse): Response {
  const body =
    response.status === 204 || response.status === 304 ? null : (response.body as BodyInit)
  return new Response(body, { status: response.status, headers: response.headers })
}

async function readLimited(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const reader = stream.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel()
      throw bodyTooLarge(limit)
    }
    chunks.push(value)
  }
  return concatBytes(chunks)
}
