/**
 * One HTTP request as every adapter hands it to core: the raw body bytes, exactly as received,
 * and the headers with lower-case names, as Node gives them.
 */
export interface WebhookRequest {
  readonly method: string
  /** Path and query relative to the mount point, e.g. `/act?x=1`. */
  readonly url: string
  readonly headers: Readonly<Record<string, string | readonly string[] | undefined>>
  readonly body: Uint8Array
  /** The peer's address as the server saw it; `ipAllowlist` reads it. */
  readonly remoteAddress?: string | undefined
}

/** The answer core produced; adapters copy it onto their framework's response. */
export interface WebhookResponse {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly body: string | Uint8Array
}

/**
 * Reads one header by its lower-case name. Repeated headers are joined with `, `, the way
 * Node joins them, so every adapter presents the same value.
 */
export function readHeader(request: WebhookRequest, name: string): string | undefined {
  const value = request.headers[name]
  if (value === undefined || typeof value === 'string') return value
  return value.join(', ')
}

const JSON_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'application/json; charset=utf-8',
}

/** A JSON response; `extraHeaders` win over the content type. */
export function jsonResponse(
  status: number,
  value: unknown,
  extraHeaders?: Readonly<Record<string, string>>,
): WebhookResponse {
  const headers = extraHeaders === undefined ? JSON_HEADERS : { ...JSON_HEADERS, ...extraHeaders }
  return { status, headers, body: JSON.stringify(value) ?? 'null' }
}
