import type { AnyWebhook } from '@chathooks/core'
import { assertKnownOptions } from '@chathooks/core/adapter'
import type { Context, Handler } from 'hono'
import { mountOf } from './mount-of.ts'
import { waitUntilOf } from './wait-until-of.ts'

/** Options of `webhookApp` and `handler`. */
export interface WebhookAppOptions {
  /**
   * Reads the client address that `ipAllowlist` checks: the runtime's own `getConnInfo`
   * (`@hono/node-server/conninfo`, `hono/bun`, `hono/deno`, `hono/cloudflare-workers`).
   * Default none: requests carry no address, and an `ipAllowlist` refuses them all. Typed by
   * the one field read, so a function of your own (a trusted header, say) fits as well.
   */
  readonly getConnInfo?:
    | ((c: Context) => { readonly remote: { readonly address?: string | undefined } })
    | undefined
}

/**
 * The one handler behind `webhookApp` and `handler`: the raw request to `webhook.fetch`,
 * below the path the matched route mounts it at, with the address and `waitUntil`.
 *
 * @throws TypeError naming `factory` when an option is unknown or `getConnInfo` is no function.
 */
export function fetchHandler(
  factory: string,
  webhook: AnyWebhook,
  options: WebhookAppOptions,
): Handler {
  assertKnownOptions(factory, options, ['getConnInfo'])
  const { getConnInfo } = options
  if (getConnInfo !== undefined && typeof getConnInfo !== 'function') {
    throw new TypeError(`${factory}: option "getConnInfo" must be a function, like hono/bun's`)
  }
  return function chathooks(c) {
    return webhook.fetch(c.req.raw, {
      basePath: mountOf(c),
      remoteAddress: getConnInfo?.(c).remote.address,
      waitUntil: waitUntilOf(c),
    })
  }
}
