import type { AnyWebhook } from '@chathooks/core'
import type { Handler } from 'hono'
import { fetchHandler, type WebhookAppOptions } from './fetch-handler.ts'

/**
 * A Hono handler for one route: the route's path (up to a trailing `/*`) is the webhook's
 * mount point, so `app.post('/hook', handler(webhook))` serves the webhook's `/`, and
 * `app.all('/telegram/*', handler(webhook))` its sub-paths, with 405 answers to other methods.
 * Option: `getConnInfo` (none), the runtime's helper that gives `ipAllowlist` the address.
 *
 * @throws TypeError when an option is unknown or `getConnInfo` is not a function.
 * @example
 * ```ts
 * app.post('/hook', handler(webhook))
 * ```
 */
export function handler(webhook: AnyWebhook, options: WebhookAppOptions = {}): Handler {
  return fetchHandler('handler', webhook, options)
}
