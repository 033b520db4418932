import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { WebhookRequest, WebhookResponse } from '@chathooks/core'

/** What `serve` puts on 127.0.0.1: a webhook's `handle`, nothing more. */
export interface Handles {
  handle(request: WebhookRequest): Promise<WebhookResponse>
}

/** Decides a request before the webhook sees it: `true` when it answered the request itself. */
export type Intercept = (request: WebhookRequest, response: ServerResponse) => Promise<boolean>

export interface Served {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  readonly url: string
  close(): Promise<void>
}

/**
 * A real HTTP server around `webhook.handle`, for tests that need the network between two
 * ends; adapters proper live in their own packages. Requests pass `intercept` first.
 */
export async function serve(webhook: Handles, intercept?: Intercept): Promise<Served> {
  const server = createServer(async (req, res) => {
    const request = await toRequest(req)
    if (intercept !== undefined && (await intercept(request, res))) return
    const answer = await webhook.handle(request)
    res.writeHead(answer.status, answer.headers).end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function toRequest(req: IncomingMessage): Promise<WebhookRequest> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return {
    method: req.method ?? 'GET',
    url: req.url ?? '/',
    headers: req.headers,
    body: new Uint8Array(Buffer.concat(chunks)),
    remoteAddress: req.socket.remoteAddress,
  }
}
