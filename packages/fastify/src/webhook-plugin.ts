import type { AnyWebhook } from '@chathooks/core'
import { assertKnownOptions, toMountPath } from '@chathooks/core/adapter'
import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import fp from 'fastify-plugin'
import { webhookRoute } from './webhook-route.ts'

/** What `fastify.register(plugin, { webhook, prefix })` takes besides Fastify's own options. */
export interface WebhookPluginOptions {
  /** The webhook that answers every method and path below the prefix. */
  readonly webhook: AnyWebhook
}

const NAME = '@chathooks/fastify'
// Fastify hands its own register options to the plugin too.
const KNOWN = ['webhook', 'prefix', 'logLevel', 'logSerializers']

async function chathooks(fastify: FastifyInstance, options: WebhookPluginOptions): Promise<void> {
  assertKnownOptions(NAME, options, KNOWN)
  const { webhook } = options
  if (typeof (webhook as Partial<AnyWebhook> | undefined)?.handle !== 'function') {
    throw new TypeError(
      `${NAME}: option "webhook" is required: the webhook createWebhook() returned`,
    )
  }
  const prefix = toMountPath(NAME, 'option "prefix"', fastify.prefix || '/')
  const route = webhookRoute(webhook, prefix.split('/').length - 1)
  // Only this context reads every body raw; core judges the content type once it verified it.
  fastify.removeAllContentTypeParsers()
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (_request, body, done) =>
    done(null, body),
  )
  for (const url of ['/', '/*']) {
    fastify.route({ ...route, url, method: fastify.supportedMethods, exposeHeadRoute: false })
  }
}

/**
 * Serves a webhook from Fastify 5 below the `prefix` it is registered with: every method and
 * sub-path there (pararam's `/act`, LangBot's `/sync`, Telegram's `/:token`) goes to
 * `webhook.handle`, which answers 405 with `Allow` and 404 itself. In the plugin's own
 * encapsulated context every content type is read as raw bytes, up to `webhook.maxBodyBytes`
 * (the routes' `bodyLimit`), so the app's JSON parser stays as it was for its other routes.
 * Fastify's own refusals while reading the body (413, an unparsable Content-Type) are answered
 * in the webhook's error shape and logged at `info` through `request.log`. `ipAllowlist` sees
 * `request.ip`: the socket's address unless the app set `trustProxy`. Options: `webhook`
 * (required), and Fastify's `prefix` (none: every path), `logLevel`, `logSerializers`.
 *
 * @throws TypeError, from `register` (or `ready`), when `webhook` is missing or an option is
 *   unknown.
 * @example
 * ```ts
 * import chathooks from '@chathooks/fastify'
 *
 * await app.register(chathooks, { webhook, prefix: '/telegram' })
 * ```
 */
const plugin: FastifyPluginAsync<WebhookPluginOptions> = fp(chathooks, {
  name: NAME,
  fastify: '5.x',
  encapsulate: true,
})

export default plugin
