import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One request the stand-in API received, exactly as it arrived. */
export interface Received {
  readonly method: string | undefined
  readonly url: string | undefined
  readonly headers: IncomingHttpHeaders
  readonly body: string
}

/** What the stand-in API answers with. */
export interface Answer {
  readonly status: number
  readonly body: string
  readonly contentType?: string
}

/** Viber's answer to a successful send_message, its token past 2^53 written as a bare integer. */
export const SENT: Answer = {
  status: 200,
  body: '{"status":0,"status_message":"ok","message_token":5741311803571721087,"chat_hostname":"SN-CHAT-05_","billing_status":1}',
}

/**
 * A local stand-in for chatapi.viber.com on 127.0.0.1: it records every request and answers
 * with what `reset` was last given.
 */
export async function startViberApi() {
  const received: Received[] = []
  let answer: Answer = SENT
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    received.push({
      method: req.method,
      url: req.url,
      headers: req.headers,
      body: Buffer.concat(chunks).toString('utf8'),
    })
    res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' })
    res.end(answer.body)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/pa`,
    received,
    /** Forgets what was received and answers the next requests with `next`. */
    reset(next: Answer = SENT) {
      received.length = 0
      answer = next
    },
    close: () =>
      new Promise<void>((resolve, reject) =>
        server.close((error) => (error ? reject(error) : resolve())),
      ),
  }
}

/** A URL on 127.0.0.1 where nothing listens: a port taken from a server that was then closed. */
export async function deadBaseUrl(): Promise<string> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return `http://127.0.0.1:${port}/pa`
}
