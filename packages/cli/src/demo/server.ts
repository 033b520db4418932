import type { AddressInfo } from 'node:net'
import type { AnyWebhook } from '@chathooks/core'
import { webhookApp } from '@chathooks/hono'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { CliError } from '../cli-error.ts'
import type { PlatformName } from '../platforms/index.ts'

/** The demo's one server, and how to stop it. */
export interface DemoServer {
  /** Where it listens, e.g. `http://127.0.0.1:41234`; each platform is below `/<name>`. */
  readonly url: string
  /** Stops accepting, then drains every webhook (LangBot's callbacks included). */
  close(): Promise<void>
}

/**
 * Serves the five bots on one Hono app, each mounted below its platform's name, with
 * `@hono/node-server` on 127.0.0.1: the way a bot developer would write it.
 *
 * @throws CliError `listen_failed` when the port cannot be listened on.
 * @example
 * ```ts
 * const server = await startDemoServer(bots, 0)
 * ```
 */
export function startDemoServer(
  bots: Readonly<Record<PlatformName, AnyWebhook>>,
  port: number,
): Promise<DemoServer> {
  const app = new Hono()
  app.route('/telegram', webhookApp(bots.telegram))
  app.route('/viber', webhookApp(bots.viber))
  app.route('/pararam', webhookApp(bots.pararam))
  app.route('/clustaar', webhookApp(bots.clustaar))
  app.route('/langbot', webhookApp(bots.langbot))
  app.get('/', (c) =>
    c.text('chathooks demo: POST to /telegram, /viber, /pararam, /clustaar or /langbot\n'),
  )

  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, (info: AddressInfo) => {
      server.off('error', failed)
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        async close() {
          await new Promise<void>((done) => server.close(() => done()))
          await Promise.all(Object.values(bots).map((bot) => bot.close()))
        },
      })
    })
    const failed = (error: Error & { code?: string }) =>
      reject(
        new CliError(
          'listen_failed',
          `cannot listen on 127.0.0.1:${port}: ${error.code ?? error.message}`,
        ),
      )
    server.once('error', failed)
  })
}
