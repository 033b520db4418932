import { createHmacKey } from '#crypto'
import { utf8 } from '../crypto/codec.ts'
import type { HmacAlgorithm, SignatureEncoding, SignedBytes } from '../crypto/types.ts'
import { toParts } from '../crypto/types.ts'
import type { WebhookRequest } from '../request.ts'

export interface TestRequestInit {
  /** Default `'POST'`. */
  readonly method?: string
  /** Path and query relative to the mount point. Default `'/'`. */
  readonly url?: string
  /** Header names in any case; they are lower-cased as Node does. */
  readonly headers?: Readonly<Record<string, string>>
  /** The exact bytes to send; a string is sent as UTF-8, as it is. Default empty. */
  readonly body?: string | Uint8Array
  readonly remoteAddress?: string
}

/**
 * Builds a `WebhookRequest` for tests from exact body bytes: a string body is encoded as it
 * is, never re-serialized, so a fixture's whitespace and escapes are what gets verified.
 *
 * @example
 * ```ts
 * const response = await webhook.handle(request({ body: fixture, headers: { 'X-Token': token } }))
 * ```
 */
export function request(init: TestRequestInit = {}): WebhookRequest {
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(init.headers ?? {}))
    headers[name.toLowerCase()] = value
  const body = typeof init.body === 'string' ? utf8(init.body) : (init.body ?? new Uint8Array(0))
  return {
    method: init.method ?? 'POST',
    url: init.url ?? '/',
    headers,
    body,
    remoteAddress: init.remoteAddress,
  }
}

export interface SignOptions {
  readonly secret: string
  /** Default `'sha256'`. */
  readonly algorithm?: HmacAlgorithm
  /** Default `'hex'`. */
  readonly encoding?: SignatureEncoding
  /** Written before the signature, e.g. `sha256=`. Default none. */
  readonly prefix?: string
}

/**
 * Signs bytes the way a sender would, for building signed test requests; the runtime's own
 * crypto build is used, so tests exercise the same code as production.
 *
 * @example
 * ```ts
 * const signature = await sign(body, { secret, prefix: 'sha256=' })
 * ```
 */
export async function sign(bytes: SignedBytes, options: SignOptions): Promise<string> {
  const key = createHmacKey(options.algorithm ?? 'sha256', options.secret)
  return (options.prefix ?? '') + (await key.sign(toParts(bytes), options.encoding ?? 'hex'))
}

/**
 * Turns a `WebhookRequest` into a Web `Request`, to drive `webhook.fetch` with the same
 * cases as `webhook.handle`.
 *
 * @example
 * ```ts
 * const response = await webhook.fetch(toRequest(request({ body })))
 * ```
 */
export function toRequest(init: WebhookRequest, origin = 'http://127.0.0.1'): Request {
  const headers = new Headers()
  for (const [name, value] of Object.entries(init.headers)) {
    if (typeof value === 'string') headers.set(name, value)
    else for (const item of value ?? []) headers.append(name, item)
  }
  const hasBody = init.method !== 'GET' && init.method !== 'HEAD'
  return new Request(new URL(init.url, origin), {
    method: init.method,
    headers,
    body: hasBody ? (init.body as Uint8Array<ArrayBuffer>) : null,
  })
}
