import { Agent, type OutgoingHttpHeaders, request } from 'node:http'

/** An HTTP answer, its body read to the end. */
export interface HttpAnswer {
  readonly status: number
  readonly body: string
}

/** A client that POSTs over one kept-alive connection per server. */
export interface KeepAliveClient {
  post(url: URL, headers: OutgoingHttpHeaders, body: Uint8Array): Promise<HttpAnswer>
  /** Closes its connections. */
  close(): void
}

/**
 * A `node:http` client with one kept-alive socket per server, as a platform that delivers
 * webhooks one after another reuses its connection: each request waits for the answer before
 * the next is sent, so a bench times one request at a time.
 *
 * @example
 * ```ts
 * const answer = await client.post(new URL('http://127.0.0.1:8080/hook'), headers, body)
 * ```
 */
export function createKeepAliveClient(): KeepAliveClient {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 })
  return {
    post(url, headers, body) {
      return new Promise((resolve, reject) => {
        const outgoing = request(url, { method: 'POST', agent, headers }, (incoming) => {
          const chunks: Buffer[] = []
          incoming
            .on('data', (chunk: Buffer) => chunks.push(chunk))
            .on('end', () =>
              resolve({ status: incoming.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
            )
            .on('error', reject)
        })
        outgoing.on('error', reject).end(body)
      })
    },
    close: () => agent.destroy(),
  }
}
