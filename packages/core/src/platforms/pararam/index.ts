import type { SignatureEncoding } from '../../crypto/types.ts'
import { assertKnownOptions, oneOf, toSecretList } from '../../internal/options.ts'
import type { Platform, PlatformRoute } from '../../platform.ts'
import { jsonResponse, type WebhookResponse } from '../../request.ts'
import { hmacSignature } from '../../verify/hmac.ts'
import { urlKey } from '../../verify/url-key.ts'
import { deliveryKey } from './delivery-key.ts'
import { extractUrlKey } from './keys.ts'
import { encodeReply, type PararamReply } from './reply.ts'
import { actionSchema, baseSchema, messageSchema, type PararamEvents } from './schema.ts'

export { extractApiKey, extractUrlKey } from './keys.ts'
export { type PararamReplies, type PararamReply, type PararamTextReply, reply } from './reply.ts'
export type { PararamAction, PararamBase, PararamEvents, PararamMessage } from './schema.ts'
export { makeSignature, type SignatureHelperOptions, verifySignature } from './signature.ts'

export interface PararamOptions {
  /**
   * The bot secret from pararam's bot settings. A list accepts any of them, for the switch to
   * a regenerated secret: its URL key changes with it, and the webhook URL set in pararam is
   * edited separately, so every listed URL key is routed and every listed secret verifies.
   */
  readonly secret: string | readonly string[]
  /** How `X-Signature` is written: `'hex'` (default, any case) or `'base64'`. */
  readonly signatureEncoding?: SignatureEncoding
}

/** The platform `pararam()` returns. */
export type PararamPlatform = Platform<PararamEvents, PararamReply>

const KNOWN = ['secret', 'signatureEncoding']
const ENCODINGS: readonly SignatureEncoding[] = ['hex', 'base64']
const ROUTES: readonly PlatformRoute[] = [
  { path: '/:key', event: 'message' },
  { path: '/:key/act', event: 'action' },
]
const SCHEMAS: PararamPlatform['schemas'] = {
  message: messageSchema,
  action: actionSchema,
  '*': baseSchema,
}
const ACK: WebhookResponse = jsonResponse(200, {})

/**
 * The pararam.io preset: posts arrive at `POST /{url_key}` as `message` events and `bot://`
 * link clicks at `POST /{url_key}/act` as `action` events, `url_key` being the secret's first 8
 * characters. A wrong key is 404, exactly like a path that does not exist, and is checked
 * before any HMAC is computed; then `X-Signature` must be the HMAC-SHA256 of the raw body keyed
 * with the secret, else 401. A handler's string is answered `200 {"text": ...}` (published
 * as the bot's post), an object as its JSON, nothing as `200 {}`. Options: `secret`
 * (required; a list while regenerating it), `signatureEncoding` (`'hex'`).
 *
 * @throws TypeError when `secret` is missing or empty, its URL key has a `/`,
 *   `signatureEncoding` is not `'hex'` or `'base64'`, or an option is unknown.
 * @example
 * ```ts
 * const webhook = createWebhook(pararam({ secret: process.env.PARARAM_SECRET ?? '' }))
 * webhook.on('message', ({ payload }) => `@${payload.user_unique_name}: ${payload.text}`)
 * ```
 */
export function pararam(options: PararamOptions): PararamPlatform {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('pararam: option "secret" is required: pass pararam({ secret })')
  }
  assertKnownOptions('pararam', options, KNOWN)
  const secrets = toSecretList('pararam', 'secret', options.secret)
  const encoding = oneOf(
    'pararam',
    'signatureEncoding',
    options.signatureEncoding,
    ENCODINGS,
    'hex',
  )
  const keys = secrets.map(extractUrlKey)
  if (keys.some((key) => key.includes('/'))) {
    throw new TypeError('pararam: option "secret" has a "/" in its first 8 characters, its URL key')
  }
  return {
    name: 'pararam',
    routes: ROUTES,
    verify: [
      urlKey({ key: keys }),
      hmacSignature({ header: 'X-Signature', secret: secrets, encoding, ignoreCase: true }),
    ],
    schemas: SCHEMAS,
    idempotencyKey: deliveryKey,
    ack: () => ACK,
    reply: encodeReply,
  }
}
