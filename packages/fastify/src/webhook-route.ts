import { type AnyWebhook, WebhookError, type WebhookResponse } from '@chathooks/core'
import { belowMount, bodyTooLarge, notFound } from '@chathooks/core/adapter'
import type { FastifyError, FastifyReply, RouteHandlerMethod, RouteOptions } from 'fastify'

/** The options of the routes that serve a webhook below a prefix. */
export type WebhookRoute = Pick<RouteOptions, 'handler' | 'errorHandler' | 'bodyLimit'>

const EMPTY = new Uint8Array(0)

/**
 * The route that hands each request to `webhook.handle`: the path below the prefix's first
 * `depth` path segments, the headers, the raw body a buffer parser read, `request.ip`. The
 * errors Fastify raises while reading the body that the webhook has a refusal for (413, an
 * unparsable Content-Type) are answered in the webhook's own error shape and logged at `info`
 * through `request.log`; any other error is rethrown to the app's error handler.
 */
export function webhookRoute(webhook: AnyWebhook, depth: number): WebhookRoute {
  const handler: RouteHandlerMethod = async (request, reply) => {
    // The router matched the prefix, parameters (`/:tenant/hook`) and letter case included, so
    // the mount is as many segments of the raw path as the prefix has.
    const path = request.url.split('?', 1)[0] ?? ''
    const url = belowMount(request.url, path.split('/', depth + 1).join('/'))
    const body = request.body instanceof Uint8Array ? request.body : EMPTY
    const { method, headers, ip } = request
    const response =
      url === undefined
        ? webhook.refuse(notFound())
        : await webhook.handle({ method, url, headers, body, remoteAddress: ip })
    return send(reply, response)
  }
  return {
    bodyLimit: webhook.maxBodyBytes,
    handler,
    errorHandler(error: FastifyError, request, reply) {
      const refusal = toRefusal(error, webhook.maxBodyBytes)
      if (refusal === undefined) throw error
      request.log.info({ code: refusal.code }, `chathooks: ${refusal.message}`)
      return send(reply, webhook.refuse(refusal))
    },
  }
}

function toRefusal(error: FastifyError, limit: number): WebhookError | undefined {
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return bodyTooLarge(limit)
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
    return new WebhookError('unsupported_media_type', 'The Content-Type header is not a media type')
  }
  return undefined
}

function send(reply: FastifyReply, response: WebhookResponse): FastifyReply {
  return reply.code(response.status).headers(response.headers).send(response.body)
}
