import { assertKnownOptions, toSecretList } from '../../internal/options.ts'
import type { Platform } from '../../platform.ts'
import { jsonResponse, type WebhookResponse } from '../../request.ts'
import { parseBody } from './parse.ts'
import { type CallbackPayload, callbackSchema } from './schema.ts'
import { lbSignature } from './signing.ts'

export interface CallbackReceiverOptions {
  /** The bot's outbound secret; a list accepts any of them, for rotation. */
  readonly secret: string | readonly string[]
  /** The clock, in epoch milliseconds, for the 300 s replay window. Default `Date.now`. */
  readonly now?: () => number
}

/** The receiver's one event: a reply part. */
export type CallbackReceiverEvents = { reply: CallbackPayload; '*': CallbackPayload }

/** The platform `callbackReceiver` returns; handlers return nothing. */
export type CallbackReceiverPlatform = Platform<CallbackReceiverEvents, never>

const OK: WebhookResponse = jsonResponse(200, { ok: true })
const KNOWN = ['secret', 'now']
/** The bot end retries a part for a few minutes at most; ten cover every retry of it. */
const DEDUPE_TTL_MS = 600_000

/**
 * The other end of LangBot's HTTP Bot protocol: receives the bot's signed reply callbacks
 * (`X-LB-Signature` over `timestamp.body`, 300 s window both ways) as `reply` events with a
 * typed payload, answers `200 {"ok":true}`, and drops a part already received, keyed on
 * `session_id:reply_to:sequence` (plus the part's timestamp when `reply_to` is empty, as
 * LangBot numbers every unsolicited message 1). Use `assembleTurn` or `createTurnAssembler`
 * to put a turn's parts back together. Options: `secret` (required), `now` (`Date.now`).
 *
 * @throws TypeError when the secret is missing or an option is unknown.
 * @example
 * ```ts
 * const webhook = createWebhook(callbackReceiver({ secret: process.env.LB_OUTBOUND_SECRET }))
 * webhook.on('reply', ({ payload }) => render(payload.session_id, payload.message))
 * ```
 */
export function callbackReceiver(options: CallbackReceiverOptions): CallbackReceiverPlatform {
  const factory = 'callbackReceiver'
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${factory}: options are required`)
  }
  assertKnownOptions(factory, options, KNOWN)
  const secret = toSecretList(factory, 'secret', options.secret)
  if (options.now !== undefined && typeof options.now !== 'function') {
    throw new TypeError(`${factory}: option "now" must be a function`)
  }
  return {
    name: 'langbot-callback',
    verify: [lbSignature(secret, options.now)],
    parse: parseBody,
    event: () => 'reply',
    schemas: { reply: callbackSchema, '*': callbackSchema },
    idempotencyKey: (payload) => partKey(payload as CallbackPayload),
    dedupeTtlMs: DEDUPE_TTL_MS,
    ack: () => OK,
    duplicate: () => OK,
    reply: () => OK,
  }
}

function partKey(part: CallbackPayload): string {
  const key = `${part.session_id}:${part.reply_to}:${part.sequence}`
  return part.reply_to === '' ? `${key}:${part.timestamp}` : key
}
