import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AnyWebhook, WebhookError } from '@chathooks/core'
import { assertKnownOptions, belowMount, notFound, toMountPath } from '@chathooks/core/adapter'
import { readRawBody } from './read-raw-body.ts'
import { toWebhookRequest } from './to-webhook-request.ts'
import { writeResponse } from './write-response.ts'

export interface NodeHandlerOptions {
  /** The path the webhook is mounted under, removed before routing. Default none. */
  readonly basePath?: string
}

/** A Node request listener, for `http.createServer` or any framework that passes `(req, res)`. */
export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => void

/**
 * Serves a webhook from plain `node:http`: reads the raw body up to `webhook.maxBodyBytes`,
 * hands it to `webhook.handle` with the client address from the socket, and writes the answer.
 * Refusals are answered in the webhook's own error shape: 413 for a body over the limit
 * (declared or streamed; the connection is then closed), 500 `body_already_parsed` when
 * something read the stream first; a client that leaves mid-body is let go. Option: `basePath`
 * (none): a prefix such as `/telegram` removed before routing; paths outside it get 404.
 *
 * @throws TypeError when an option is unknown or `basePath` does not start with `/`.
 * @example
 * ```ts
 * http.createServer(nodeHandler(webhook)).listen(8080)
 * ```
 */
export function nodeHandler(webhook: AnyWebhook, options: NodeHandlerOptions = {}): NodeHandler {
  assertKnownOptions('nodeHandler', options, ['basePath'])
  const base =
    options.basePath === undefined
      ? ''
      : toMountPath('nodeHandler', 'option "basePath"', options.basePath)
  return function chathooks(req, res) {
    respond(webhook, base, req, res).catch(() => res.destroy())
  }
}

async function respond(
  webhook: AnyWebhook,
  base: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const url = belowMount(req.url ?? '/', base)
  if (url === undefined) return writeResponse(res, webhook.refuse(notFound()))
  let body: Uint8Array | undefined
  try {
    body = await readRawBody(req, webhook.maxBodyBytes)
  } catch (error) {
    return writeResponse(res, webhook.refuse(error as WebhookError))
  }
  if (body === undefined) return void res.destroy()
  writeResponse(res, await webhook.handle(toWebhookRequest(req, body, url)))
}
