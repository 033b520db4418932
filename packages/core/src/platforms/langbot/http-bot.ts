import type { Delivery } from '../../deliver.ts'
import { WebhookError } from '../../errors.ts'
import type { EventContext, Platform } from '../../platform.ts'
import { readHeader, type WebhookResponse } from '../../request.ts'
import { type HttpBotOptions, resolveBotOptions } from './bot-options.ts'
import { refusal, success, toEnvelope } from './envelope.ts'
import { type HttpBotHelpers, RESET_HELPERS } from './helpers.ts'
import { Load } from './load.ts'
import { Outbox } from './outbox.ts'
import { parseBody } from './parse.ts'
import { createPoster } from './post.ts'
import type { ReplyContent } from './reply.ts'
import { type BotEntry, createTurnRunner } from './run-turn.ts'
import { type MessagePayload, messageSchema, type SessionPayload, sessionSchema } from './schema.ts'
import { type Push, Sessions } from './sessions.ts'
import { createSigner, HEADER, lbSignature, messageId } from './signing.ts'
import { SyncWaiter } from './sync-waiter.ts'

/** The events of the bot end: `message` for a push or a sync, `reset` for `/reset`. */
export type HttpBotEvents = {
  message: MessagePayload
  reset: SessionPayload
  '*': SessionPayload
}

/** The platform `httpBot` returns, for `createWebhook`. */
export type HttpBotPlatform = Platform<HttpBotEvents, ReplyContent, HttpBotHelpers>

/** How long an idempotency key is remembered, as LangBot does. */
const DEDUPE_TTL_MS = 600_000
const BUSY = refusal(503, 'Too many turns in progress; retry later')
const SYNC_BUSY = refusal(409, 'A sync request is already in flight for this session')

/**
 * The bot end of LangBot's HTTP Bot protocol: `POST /` accepts a signed push with 202 and runs
 * its turn in the background, `POST /sync` answers with the turn's parts collapsed, `POST
 * /reset` forgets a session; every other path is 400, every answer LangBot's `{code, msg,
 * data}` envelope. Handlers reply with `reply(text | segments)` as often as they like; each
 * part is one signed callback to `callbackUrl`, per session in order, retried on 5xx, timeouts
 * and connection errors. Options (durations in ms): `inboundSecret` and `callbackUrl`
 * (required), `outboundSecret` (the inbound one), `aggregateMs` (0, off), `syncTimeoutMs`
 * (60 000), `callbackTimeoutMs` (15 000), `callbackRetries` (3), `retryDelayMs` (1 000),
 * `maxRetryDelayMs` (30 000), `maxQueuedParts` (1 000 per session), `maxInFlight` (1 000),
 * `fetch` (`globalThis.fetch`), `now` (`Date.now`).
 *
 * @throws TypeError when a secret is missing, `callbackUrl` is not an http(s) URL, or an
 * option is unknown or malformed.
 * @example
 * ```ts
 * const webhook = createWebhook(httpBot({ inboundSecret, callbackUrl: 'https://crm.example/lb' }))
 * webhook.on('message', async ({ payload, reply }) => {
 *   reply('Looking into it…')
 *   return `Ticket ${payload.session_id} is fixed.`
 * })
 * ```
 */
export function httpBot(options: HttpBotOptions): HttpBotPlatform {
  const config = resolveBotOptions(options)
  const now = config.now ?? Date.now
  const load = new Load(config.maxInFlight)
  const post = createPoster({
    url: config.callbackUrl,
    fetch: config.fetch,
    signer: createSigner(config.outboundSecret),
    now,
    timeoutMs: config.callbackTimeoutMs,
    retries: config.callbackRetries,
    retryDelayMs: config.retryDelayMs,
    maxRetryDelayMs: config.maxRetryDelayMs,
  })
  const outbox = new Outbox({ maxQueuedParts: config.maxQueuedParts, load, post })
  const sessions = new Sessions<BotEntry>({
    aggregateMs: config.aggregateMs,
    run: createTurnRunner({ outbox, now }),
  })

  async function accept(context: EventContext, delivery: Delivery<ReplyContent, HttpBotHelpers>) {
    if (load.full) {
      await delivery.release()
      return BUSY
    }
    const sessionId = (context.payload as MessagePayload).session_id
    const acceptedMessageId = messageId()
    let finished = () => {}
    delivery.background(new Promise<void>((resolve) => (finished = resolve)))
    load.add()
    const push: Push<BotEntry> = {
      sessionId,
      acceptedMessageId,
      entry: { context, delivery },
      done: () => {
        load.done()
        finished()
      },
    }
    if (context.route.path === '/sync') return sync(push, delivery)
    const aggregating = sessions.push(push)
    return success(202, 'accepted', {
      session_id: sessionId,
      accepted_message_id: acceptedMessageId,
      aggregating,
    })
  }

  async function sync(push: Push<BotEntry>, delivery: Delivery<ReplyContent, HttpBotHelpers>) {
    const { sessionId } = push
    const waiter = sessions.sync(
      push,
      () => new SyncWaiter(config.syncTimeoutMs, () => sessions.synced(sessionId)),
    )
    if (waiter === undefined) {
      push.done()
      await delivery.release()
      return SYNC_BUSY
    }
    const outcome = await waiter.outcome
    if (!outcome.ok) return toEnvelope(new WebhookError('handler_failed', 'A handler failed'))
    return success(200, 'ok', {
      session_id: sessionId,
      reply_to: push.acceptedMessageId,
      message: outcome.message,
    })
  }

  async function reset(context: EventContext, delivery: Delivery<ReplyContent, HttpBotHelpers>) {
    const sessionId = (context.payload as SessionPayload).session_id
    const removed = sessions.reset(sessionId)
    try {
      await delivery.run({ helpers: RESET_HELPERS })
    } catch (error) {
      return toEnvelope(error as WebhookError)
    }
    return success(200, 'reset', { session_id: sessionId, removed })
  }

  return {
    name: 'langbot',
    routes: [
      { path: '/', event: 'message' },
      { path: '/sync', event: 'message' },
      { path: '/reset', event: 'reset' },
    ],
    verify: [lbSignature(config.inboundSecrets, config.now)],
    parse: parseBody,
    schemas: { message: messageSchema, reset: sessionSchema, '*': sessionSchema },
    // LangBot ignores the idempotency header on `/reset`.
    idempotencyKey: (_payload, request, { route }) =>
      route.event === 'reset' ? undefined : readHeader(request, HEADER.idempotencyKey) || undefined,
    dedupeTtlMs: DEDUPE_TTL_MS,
    ack: () => success(200, 'ok', null),
    reply: () => success(200, 'ok', null),
    duplicate: () => refusal(409, 'Idempotency key already accepted'),
    error: toEnvelope,
    deliver: (context, delivery): Promise<WebhookResponse> =>
      context.route.path === '/reset' ? reset(context, delivery) : accept(context, delivery),
  }
}
