import { request as httpRequest, type IncomingMessage } from 'node:http'
import type { WebhookRequest } from '@chathooks/core'
import { toRequest } from '@chathooks/core/testing'

/** What the sender of a request notices. */
export interface Answer {
  readonly status: number
  readonly headers: Readonly<Record<string, string>>
  readonly text: string
  /** The body parsed as JSON, `undefined` when it is not JSON. */
  readonly json: unknown
}

function toAnswer(status: number, headers: Record<string, string>, text: string): Answer {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status, headers, text, json }
}

/** Sends a request with `fetch`: one sized body, as most senders do. */
export async function send(origin: string, request: WebhookRequest): Promise<Answer> {
  const response = await fetch(toRequest(request, origin))
  const headers: Record<string, string> = {}
  response.headers.forEach((value, name) => {
    headers[name] = value
  })
  return toAnswer(response.status, headers, await response.text())
}

/**
 * Sends the body in `parts` chunks with `Transfer-Encoding: chunked` and no `Content-Length`;
 * without `finish`, the last chunk never comes, so only a server that stops reading at its
 * limit can answer.
 */
export function sendChunked(
  origin: string,
  request: WebhookRequest,
  { parts, finish }: { parts: number; finish: boolean },
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest(new URL(request.url, origin), {
      method: request.method,
      headers: { ...request.headers, 'transfer-encoding': 'chunked' },
      agent: false,
    })
    let answered = false
    outgoing.on('response', (response) => {
      answered = true
      read(response).then(resolve, reject)
      // The server may close while the unfinished body is still being sent; that is expected.
      if (!finish) response.once('end', () => outgoing.destroy())
    })
    outgoing.on('error', (error) => answered || reject(error))
    const size = Math.ceil(request.body.byteLength / parts)
    void (async () => {
      for (let offset = 0; offset < request.body.byteLength && !answered; offset += size) {
        await new Promise((done) =>
          outgoing.write(request.body.subarray(offset, offset + size), done),
        )
      }
      if (finish) outgoing.end()
    })()
  })
}

/** Declares the whole body's length, sends its first `sent` bytes, then disconnects. */
export function abandon(origin: string, request: WebhookRequest, sent: number): Promise<void> {
  return new Promise((resolve) => {
    const outgoing = httpRequest(new URL(request.url, origin), {
      method: request.method,
      headers: { ...request.headers, 'content-length': String(request.body.byteLength) },
      agent: false,
    })
    outgoing.on('error', () => undefined).on('close', () => resolve())
    outgoing.write(request.body.subarray(0, sent), () => outgoing.destroy())
  })
}

async function read(response: IncomingMessage): Promise<Answer> {
  const decoder = new TextDecoder()
  let text = ''
  for await (const chunk of response) text += decoder.decode(chunk as Uint8Array, { stream: true })
  text += decoder.decode()
  const headers: Record<string, string> = {}
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value
  }
  return toAnswer(response.statusCode ?? 0, headers, text)
}
