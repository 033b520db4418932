import type { IncomingMessage, ServerResponse } from 'node:http'

// Keyed by the request, so the bytes go when the request does and no field is added to it.
const captured = new WeakMap<IncomingMessage, Uint8Array>()

/**
 * A body-parser `verify` hook that keeps the exact bytes a parser read, for a webhook mounted
 * after it: `express.json({ verify: captureRawBody })` parses the app's JSON as before, and
 * `webhookMiddleware` verifies the signature over the bytes as received instead of answering
 * 500 `body_already_parsed`. Works with every body-parser parser (`json`, `text`, `raw`,
 * `urlencoded`) in Express 4 and 5; the parser's own `limit` still applies first.
 *
 * @example
 * ```ts
 * app.use(express.json({ verify: captureRawBody }))
 * app.use('/telegram', webhookMiddleware(webhook))
 * ```
 */
export function captureRawBody(req: IncomingMessage, _res: ServerResponse, body: Uint8Array): void {
  captured.set(req, body)
}

/** The bytes `captureRawBody` kept for this request, if a parser read it. */
export function capturedBody(req: IncomingMessage): Uint8Array | undefined {
  return captured.get(req)
}
