import { utf8 } from '../../crypto/codec.ts'
import { assertKnownOptions, toSecretList } from '../../internal/options.ts'
import type { Envelope } from './envelope.ts'
import { LangBotError } from './errors.ts'
import { type ReplyContent, toSegments } from './reply.ts'
import type { Segment, Sender } from './schema.ts'
import { createSigner, HEADER } from './signing.ts'
import { toHttpUrl } from './url.ts'

export interface HttpBotClientOptions {
  /** The bot's URL, e.g. `https://langbot.example/bots/<uuid>`; `/sync` and `/reset` are added. */
  readonly url: string
  /** The bot's inbound secret; the first of a list signs. */
  readonly secret: string | readonly string[]
  /** Default `globalThis.fetch`, looked up at each call. */
  readonly fetch?: typeof fetch
  /** The clock the signing time is read from, in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number
}

/** What a push or a sync may add to the message. */
export interface MessageOptions {
  /** Default `'person'`. */
  readonly sessionType?: 'person' | 'group'
  readonly sender?: Sender
  readonly signal?: AbortSignal
}

export interface PushOptions extends MessageOptions {
  /** Resend with the key of an earlier push to have a repeat refused. Default: a fresh UUID. */
  readonly idempotencyKey?: string
}

export interface ResetOptions {
  /** Default `'person'`. */
  readonly sessionType?: 'person' | 'group'
  readonly signal?: AbortSignal
}

/** The bot's envelope, with the HTTP status it came with. */
export interface ClientAnswer<Data> extends Envelope<Data> {
  readonly status: number
}

export interface PushData {
  readonly session_id: string
  readonly accepted_message_id: string
  readonly aggregating?: boolean
}
export interface SyncData {
  readonly session_id: string
  readonly reply_to: string
  readonly message: readonly Segment[]
}
export interface ResetData {
  readonly session_id: string
  readonly removed: boolean
}

/** Talks to an HTTP Bot endpoint, a LangBot one or `httpBot`. */
export interface HttpBotClient {
  /** Pushes a message (202); the replies arrive at the bot's callback URL. */
  push(
    sessionId: string,
    content: ReplyContent,
    options?: PushOptions,
  ): Promise<ClientAnswer<PushData>>
  /** Pushes a message and waits for the turn's parts, collapsed into one message. */
  sync(
    sessionId: string,
    content: ReplyContent,
    options?: MessageOptions,
  ): Promise<ClientAnswer<SyncData>>
  /** Resets a session's conversation. */
  reset(sessionId: string, options?: ResetOptions): Promise<ClientAnswer<ResetData>>
}

const FACTORY = 'createHttpBotClient'
const KNOWN = ['url', 'secret', 'fetch', 'now']

/**
 * A client for LangBot's HTTP Bot protocol, signing as LangBot's reference clients do:
 * `X-LB-Timestamp` in Unix seconds, `X-LB-Signature: sha256=<hex>` over `timestamp.body`, a
 * fresh `X-LB-Idempotency-Key` (a UUID) on every push and none on sync and reset. Each call
 * resolves with the parsed envelope, error envelopes (401, 409...) included. Options: `url`
 * and `secret` (required), `fetch` (`globalThis.fetch`), `now` (`Date.now`).
 *
 * @throws TypeError at creation when `url` is not an http(s) URL, the secret is missing or an
 * option is unknown; the calls reject with a `LangBotError` `network_error` when no answer
 * came and `invalid_response` when the answer is not an envelope.
 * @example
 * ```ts
 * const bot = createHttpBotClient({ url: 'https://langbot.example/bots/2f1c', secret })
 * const { code, data } = await bot.push('ticket-10293', 'Export keeps failing.')
 * ```
 */
export function createHttpBotClient(options: HttpBotClientOptions): HttpBotClient {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${FACTORY}: options are required`)
  }
  assertKnownOptions(FACTORY, options, KNOWN)
  const base = toHttpUrl(FACTORY, 'url', options.url)
  const signer = createSigner(toSecretList(FACTORY, 'secret', options.secret)[0] as string)
  for (const name of ['fetch', 'now'] as const) {
    if (options[name] !== undefined && typeof options[name] !== 'function') {
      throw new TypeError(`${FACTORY}: option "${name}" must be a function`)
    }
  }
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init))
  const now = options.now ?? Date.now

  async function call<Data>(
    path: string,
    payload: object,
    key: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<ClientAnswer<Data>> {
    const body = utf8(JSON.stringify(payload)) as Uint8Array<ArrayBuffer>
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      ...(await signer.sign(body, now())),
    }
    if (key !== undefined) headers[HEADER.idempotencyKey] = key
    let response: Response
    let text: string
    try {
      response = await send(endpoint(base, path), {
        method: 'POST',
        headers,
        body,
        ...(signal === undefined ? {} : { signal }),
      })
      text = await response.text()
    } catch (cause) {
      throw new LangBotError('network_error', 'The request to the bot did not complete', { cause })
    }
    return toAnswer<Data>(response.status, text)
  }

  function message(
    sessionId: string,
    content: ReplyContent,
    given: MessageOptions,
    where: string,
  ): object {
    const segments = toSegments(where, content)
    const sender = given.sender === undefined ? {} : { sender: given.sender }
    return {
      session_id: sessionId,
      session_type: given.sessionType ?? 'person',
      ...sender,
      message: segments,
    }
  }

  // Async, so content that is not a message rejects the call like every other failure.
  return {
    push: async (sessionId, content, given = {}) => {
      const key = given.idempotencyKey ?? crypto.randomUUID()
      return call('', message(sessionId, content, given, 'push'), key, given.signal)
    },
    sync: async (sessionId, content, given = {}) =>
      call('/sync', message(sessionId, content, given, 'sync'), undefined, given.signal),
    reset: async (sessionId, given = {}) => {
      const body = { session_id: sessionId, session_type: given.sessionType ?? 'person' }
      return call('/reset', body, undefined, given.signal)
    },
  }
}

/** The bot's URL with a sub-path; a trailing slash of the configured one is dropped. */
function endpoint(base: URL, path: string): string {
  const url = new URL(base)
  url.pathname = url.pathname.replace(/\/+$/, '') + path
  return url.href
}

function toAnswer<Data>(status: number, text: string): ClientAnswer<Data> {
  let parsed: unknown
  try {
    parsed = JSON.parse(text)
  } catch {
    parsed = undefined
  }
  if (!isEnvelope(parsed)) {
    throw new LangBotError(
      'invalid_response',
      `The bot answered ${status} without a LangBot envelope`,
      { status },
    )
  }
  return { status, code: parsed.code, msg: parsed.msg, data: parsed.data as Data | null }
}

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null) return false
  const { code, msg } = value as Record<string, unknown>
  return Number.isInteger(code) && typeof msg === 'string' && 'data' in value
}
