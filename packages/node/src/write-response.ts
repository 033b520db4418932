import type { ServerResponse } from 'node:http'
import type { WebhookResponse } from '@chathooks/core'

/**
 * Copies a `WebhookResponse` onto a Node `ServerResponse` and ends it. When the request's body
 * was not read to its end (refused for its size, or answered before it was read), the
 * connection is closed after the answer (`Connection: close`), so the unread rest is never
 * read, nor taken for the next request on a kept-alive connection.
 *
 * @example
 * ```ts
 * writeResponse(res, await webhook.handle(toWebhookRequest(req, body)))
 * ```
 */
export function writeResponse(res: ServerResponse, response: WebhookResponse): void {
  if (!res.req.complete) res.setHeader('connection', 'close')
  res.writeHead(response.status, response.headers)
  res.end(response.status === 204 || response.status === 304 ? undefined : response.body)
}
