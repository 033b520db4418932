import { createServer, type RequestListener } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  createWebhook,
  generic,
  hmacSignature,
  type Verifier,
  type WebhookOptions,
  type WebhookRequest,
} from '@chathooks/core'
import { sign, toRequest } from '@chathooks/core/testing'
import express5 from 'express'
import express4 from 'express4'
import { onTestFinished } from 'vitest'

/** Both supported majors, for `describe.each`: Express 5 from `express`, 4 from `express4`. */
export const VERSIONS = [
  ['Express 5', express5],
  ['Express 4', express4],
] as const

export const SECRET = 'express-adapter-secret'

/** Pretty-printed, non-ASCII, with escapes and a trailing newline: re-serializing breaks it. */
export const BODY = '{\n  "id": "e-1",\n  "text": "Привет 🚀 caf\\u00e9"\n}\n'

const signature = hmacSignature({ header: 'X-Signature', secret: SECRET })

/**
 * A fresh generic webhook verifying an HMAC of the body, answering `{ received, url, raw }`:
 * the payload, the path below the mount, and the bytes it verified, as text.
 */
export function echoWebhook(options: WebhookOptions = {}, verify: readonly Verifier[] = []) {
  return createWebhook(generic({ verify: [signature, ...verify] }), options).on(
    '*',
    ({ payload, request }) => ({
      received: payload,
      url: request.url,
      raw: new TextDecoder().decode(request.body),
    }),
  )
}

/** Listens on a free port of 127.0.0.1, closed when the test ends; resolves with the origin. */
export async function listen(app: RequestListener): Promise<string> {
  const server = createServer(app)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  )
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

/** What a sender notices of an answer. */
export interface Answer {
  readonly status: number
  readonly headers: Headers
  readonly json: unknown
}

/** Sends a request with `fetch` and reads the answer as JSON (`undefined` when it is not). */
export async function send(origin: string, request: WebhookRequest): Promise<Answer> {
  const response = await fetch(toRequest(request, origin))
  const text = await response.text()
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    json = undefined
  }
  return { status: response.status, headers: response.headers, json }
}

/** POSTs `body` to `url` (path and query), signed for `echoWebhook`, as JSON unless told. */
export async function post(
  origin: string,
  url: string,
  body: string = BODY,
  headers: Readonly<Record<string, string>> = {},
): Promise<Answer> {
  const bytes = new TextEncoder().encode(body)
  return send(origin, {
    method: 'POST',
    url,
    headers: {
      'content-type': 'application/json',
      'x-signature': await sign(bytes, { secret: SECRET }),
      ...headers,
    },
    body: bytes,
  })
}
