import type { AnyWebhook } from '@chathooks/core'
import { Hono } from 'hono'
import { fetchHandler, type WebhookAppOptions } from './fetch-handler.ts'

/**
 * A Hono app that hands every request below the path it is mounted at, whatever its method,
 * to the webhook: `app.route('/viber', webhookApp(webhook))` serves `/viber` and every
 * sub-path (pararam's `/:key/act`, LangBot's `/sync`, Telegram's `/:token`), nested `route()`
 * mounts and `basePath()` included; the webhook answers other methods 405 with `Allow`.
 * Ack-first work goes to `c.executionCtx.waitUntil` where the runtime has one (Workers), and
 * is tracked by the webhook elsewhere, so call `webhook.close()` on shutdown. Option:
 * `getConnInfo` (none), the runtime's helper that gives `ipAllowlist` the client address.
 *
 * @throws TypeError when an option is unknown or `getConnInfo` is not a function.
 * @example
 * ```ts
 * import { getConnInfo } from 'hono/bun'
 * app.route('/viber', webhookApp(webhook, { getConnInfo }))
 * ```
 */
export function webhookApp(webhook: AnyWebhook, options: WebhookAppOptions = {}): Hono {
  return new Hono().all('/*', fetchHandler('webhookApp', webhook, options))
}
