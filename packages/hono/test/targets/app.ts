import type { ScenarioMounts } from '@chathooks/conformance'
import { createWebhook, generic, secretToken } from '@chathooks/core'
import { Hono } from 'hono'
import { type WebhookAppOptions, webhookApp } from '../../src/index.ts'

/** The token of the `/address` mount, which answers the client address it was given. */
export const ADDRESS_TOKEN = 'address-token'

/** The token of the worker's `/wait-until` and `/unkept` mounts. */
export const WAIT_TOKEN = 'wait-token'

/**
 * The Hono app every runtime's target serves, written as a user would: each of the scenario's
 * mounts `app.route`d at its path, plus `/address`, whose webhook answers `{ address }` with
 * the client address the adapter gave it, for the runtime's `getConnInfo`.
 */
export function appFor(mounts: ScenarioMounts, options: WebhookAppOptions = {}): Hono {
  const app = new Hono()
  for (const [path, webhook] of Object.entries(mounts))
    app.route(path, webhookApp(webhook, options))
  const address = createWebhook(
    generic({ verify: secretToken({ header: 'x-token', token: ADDRESS_TOKEN }) }),
  ).on('*', ({ request }) => ({ address: request.remoteAddress ?? null }))
  return app.route('/address', webhookApp(address, options))
}
