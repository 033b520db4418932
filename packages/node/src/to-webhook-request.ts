import type { IncomingMessage } from 'node:http'
import type { WebhookRequest } from '@chathooks/core'

/**
 * The `WebhookRequest` for a Node request and its raw body: method, headers (already
 * lower-cased by Node), `url` (default `req.url`; pass the path relative to a mount point), and
 * the peer's address from the socket. Override `remoteAddress` only where the app knows better,
 * e.g. `{ ...toWebhookRequest(req, body), remoteAddress: req.ip }` behind a trusted proxy.
 *
 * @example
 * ```ts
 * const response = await webhook.handle(toWebhookRequest(req, body, '/act?x=1'))
 * ```
 */
export function toWebhookRequest(
  req: IncomingMessage,
  body: Uint8Array,
  url: string = req.url ?? '/',
): WebhookRequest {
  return {
    method: req.method ?? 'GET',
    url,
    headers: req.headers,
    body,
    remoteAddress: req.socket.remoteAddress,
  }
}
