import { createServer, type RequestListener } from 'node:http'
import { type AddressInfo, connect } from 'node:net'
import { createWebhook, generic, secretToken, type WebhookOptions } from '@chathooks/core'
import { onTestFinished } from 'vitest'

export const TOKEN = 'node-adapter-token'
/** A cheap verifier, for tests whose subject is not verification. */
export const verify = secretToken({ header: 'X-Token', token: TOKEN })
/** Headers that pass `verify`. */
export const SIGNED = { 'x-token': TOKEN, 'content-type': 'application/json' } as const

/** A fresh generic webhook that echoes `{ echo: payload, url }`. */
export function echoWebhook(options: WebhookOptions = {}) {
  return createWebhook(generic({ verify }), options).on('*', ({ payload, request }) => ({
    echo: payload,
    url: request.url,
  }))
}

/** Listens on a free port of 127.0.0.1, closed when the test ends; resolves with the origin. */
export async function listen(listener: RequestListener): Promise<string> {
  const server = createServer(listener)
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

/** A signed POST with `fetch`, answered as status and JSON. */
export async function post(url: string, body: string, headers: Record<string, string> = SIGNED) {
  const response = await fetch(url, { method: 'POST', headers, body })
  return { status: response.status, headers: response.headers, json: await response.json() }
}

/**
 * Writes raw bytes on a fresh connection and resolves with all the server sent, once it closed
 * the connection: a server that keeps it open never resolves, and the test times out.
 */
export function exchangeRaw(origin: string, bytes: string | Uint8Array): Promise<string> {
  const { port } = new URL(origin)
  return new Promise((resolve, reject) => {
    let received = ''
    const socket = connect(Number(port), '127.0.0.1', () => socket.write(bytes))
    socket.setEncoding('utf8')
    socket.on('data', (text: string) => {
      received += text
    })
    socket.on('end', () => resolve(received)).on('error', reject)
  })
}

/** A promise and the functions that settle it (Node 20 has no `Promise.withResolvers`). */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined
  let reject: (reason: unknown) => void = () => undefined
  const promise = new Promise<T>((yes, no) => {
    resolve = yes
    reject = no
  })
  return { promise, resolve, reject }
}
