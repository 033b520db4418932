import {
  createWebhook,
  generic,
  hmacSignature,
  type Verifier,
  type WebhookOptions,
} from '@chathooks/core'
import { sign } from '@chathooks/core/testing'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import { onTestFinished } from 'vitest'

export const SECRET = 'fastify-adapter-secret'

/** Pretty-printed, non-ASCII, with escapes and a trailing newline: re-serializing breaks it. */
export const BODY = '{\n  "id": "f-1",\n  "text": "Привет 🚀 caf\\u00e9"\n}\n'

const signature = hmacSignature({ header: 'X-Signature', secret: SECRET })

/**
 * A fresh generic webhook verifying an HMAC of the body, answering `{ received, url, raw }`:
 * the payload, the path below the prefix, and the bytes it verified, as text.
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

/** A fresh Fastify app, closed when the test ends. */
export function app(options: FastifyServerOptions = {}): FastifyInstance {
  const fastify = Fastify(options)
  onTestFinished(() => fastify.close())
  return fastify
}

/** The headers that sign `body` for `echoWebhook`, as JSON unless `content-type` says otherwise. */
export async function signed(
  body: string = BODY,
  headers: Readonly<Record<string, string>> = {},
): Promise<Record<string, string>> {
  return {
    'content-type': 'application/json',
    'x-signature': await sign(new TextEncoder().encode(body), { secret: SECRET }),
    ...headers,
  }
}
