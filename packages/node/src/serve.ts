import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AnyWebhook, WebhookResponse } from '@chathooks/core'
import { assertKnownOptions, notFound } from '@chathooks/core/adapter'
import { findMount, type Mount, type Mounts, toMounts } from './mounts.ts'
import { writeResponse } from './write-response.ts'

export interface ServeOptions {
  /** The port to listen on; `0` picks a free one, which `url` then names. */
  readonly port: number
  /** The address to listen on. Default `127.0.0.1`; `0.0.0.0` accepts other hosts too. */
  readonly host?: string
}

/** A listening server; `close()` (or `await using`) stops it and drains its webhooks. */
export interface WebhookServer extends AsyncDisposable {
  /** Where it listens, e.g. `http://127.0.0.1:8080`; mount paths go after it. */
  readonly url: string
  /** The underlying `node:http` server, for its timeouts and events. */
  readonly server: Server
  /** Stops accepting, lets requests in flight finish, then drains every webhook's ack-first work. */
  close(): Promise<void>
}

// A path under no mount belongs to no platform, so it gets core's plain shape.
const NOT_MOUNTED: WebhookResponse = {
  status: 404,
  headers: { 'content-type': 'application/json; charset=utf-8' },
  body: JSON.stringify(notFound().toJSON()),
}

/**
 * Starts a ready `node:http` server for one webhook, or for several mounted by path
 * (`{ '/telegram': tg, '/viber': vb }`, the longest matching path wins, others get 404), and
 * resolves once it listens. Options: `port` (required; `0` for any free port), `host`
 * (`127.0.0.1`).
 *
 * @throws TypeError when an option is unknown or invalid, or a mount path does not start with
 *   `/`; rejects when the port cannot be listened on.
 * @example
 * ```ts
 * const server = await serve({ '/telegram': telegramBot, '/viber': viberBot }, { port: 8080 })
 * process.on('SIGTERM', () => server.close()) // or `await using server = ...` inside a function
 * ```
 */
export async function serve(
  webhooks: AnyWebhook | Mounts,
  options: ServeOptions,
): Promise<WebhookServer> {
  assertKnownOptions('serve', options, ['port', 'host'])
  const { port, host = '127.0.0.1' } = options
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new TypeError('serve: option "port" must be an integer from 0 to 65535')
  }
  const mounts = toMounts(webhooks)
  let closing: Promise<void> | undefined
  const server = createServer((req, res) => {
    // Connections freed after close() began are closed at once, not kept alive.
    res.once('finish', () => closing && server.closeIdleConnections())
    const mount = findMount(mounts, req.url ?? '/')
    if (mount === undefined) writeResponse(res, NOT_MOUNTED)
    else mount.handler(req, res)
  })
  await listen(server, port, host)
  const address = server.address() as AddressInfo
  const close = () => {
    closing ??= shutdown(server, mounts)
    return closing
  }
  return {
    url: `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`,
    server,
    close,
    [Symbol.asyncDispose]: close,
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
}

async function shutdown(server: Server, mounts: readonly Mount[]): Promise<void> {
  // In-flight requests finish before the webhooks close, so none is refused with 503.
  await new Promise<void>((resolve) => server.close(() => resolve()))
  await Promise.all(mounts.map(({ webhook }) => webhook.close()))
}
