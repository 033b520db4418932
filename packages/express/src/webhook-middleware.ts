import type { IncomingMessage, ServerResponse } from 'node:http'
import { type AnyWebhook, WebhookError } from '@chathooks/core'
import { assertKnownOptions } from '@chathooks/core/adapter'
import { readRawBody, toWebhookRequest, writeResponse } from '@chathooks/node'
import { capturedBody } from './capture-raw-body.ts'

/**
 * What the middleware reads of an Express request: Node's request and Express's `ip`. An
 * intersection rather than an interface extending `IncomingMessage`, so the API reference shows
 * the one field Express adds instead of copying every member of Node's request.
 */
export type ExpressRequest = IncomingMessage & {
  /** The client address: the socket's, or the one `trust proxy` resolved. */
  readonly ip?: string | undefined
}

/**
 * An Express middleware, typed by its shape so no Express version is imported: it fits
 * `app.use(path, …)` and `router.use(path, …)` of Express 4 and 5.
 */
export type WebhookMiddleware = (
  req: ExpressRequest,
  res: ServerResponse,
  next: (error?: unknown) => void,
) => void

export interface WebhookMiddlewareOptions {
  /**
   * Reads the client address `ipAllowlist` checks. Default `req.ip`: the socket's address,
   * unless the app set `trust proxy`. Give one where the address comes from elsewhere, such as
   * a header your own edge sets and strips from client requests.
   */
  readonly remoteAddress?: ((req: ExpressRequest) => string | undefined) | undefined
}

const BODY_ALREADY_PARSED = new WebhookError(
  'body_already_parsed',
  'A body parser read the request before webhookMiddleware, so the signed bytes are gone: mount webhookMiddleware before express.json() and the other body parsers, or give that parser the hook from @chathooks/express, e.g. express.json({ verify: captureRawBody })',
)

/**
 * Serves a webhook from Express 4 or 5 below the path it is mounted at with `app.use`: every
 * method and sub-path there is the webhook's (pararam's `/act`, LangBot's `/sync`, Telegram's
 * `/:token`), as Express strips the mount path from `req.url`. The raw body is read up to
 * `webhook.maxBodyBytes` (413 without buffering the rest), or taken from `express.raw()`'s
 * Buffer or `captureRawBody`; a stream another parser consumed is answered 500
 * `body_already_parsed` at once, saying what to change. Refusals are in the webhook's own
 * error shape; `next` is only called with an error the response can no longer carry. Option:
 * `remoteAddress` (`req.ip`, the socket's address unless the app set `trust proxy`), what
 * `ipAllowlist` checks.
 *
 * @throws TypeError when `webhook` is not a webhook, or an option is unknown or not a function.
 * @example
 * ```ts
 * app.use('/telegram', webhookMiddleware(webhook))
 * ```
 */
export function webhookMiddleware(
  webhook: AnyWebhook,
  options: WebhookMiddlewareOptions = {},
): WebhookMiddleware {
  if (typeof (webhook as Partial<AnyWebhook> | null)?.handle !== 'function') {
    throw new TypeError('webhookMiddleware: pass the webhook createWebhook() returned')
  }
  assertKnownOptions('webhookMiddleware', options, ['remoteAddress'])
  const { remoteAddress = clientAddress } = options
  if (typeof remoteAddress !== 'function') {
    throw new TypeError(
      'webhookMiddleware: option "remoteAddress" must be a function of the request',
    )
  }
  return function chathooks(req, res, next) {
    respond(webhook, remoteAddress, req, res).catch(next)
  }
}

function clientAddress(req: ExpressRequest): string | undefined {
  return req.ip ?? req.socket.remoteAddress
}

async function respond(
  webhook: AnyWebhook,
  remoteAddress: (req: ExpressRequest) => string | undefined,
  req: ExpressRequest,
  res: ServerResponse,
) {
  let body: Uint8Array | undefined
  try {
    body = capturedBody(req) ?? (await readRawBody(req, webhook.maxBodyBytes))
  } catch (error) {
    const refusal = error as WebhookError
    return writeResponse(
      res,
      webhook.refuse(refusal.code === 'body_already_parsed' ? BODY_ALREADY_PARSED : refusal),
    )
  }
  if (body === undefined) return void res.destroy()
  const request = {
    ...toWebhookRequest(req, body),
    remoteAddress: remoteAddress(req),
  }
  writeResponse(res, await webhook.handle(request))
}
