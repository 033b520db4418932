import { assertKnownOptions, toSecretList } from '../../internal/options.ts'
import { toHttpUrl } from './url.ts'

/** What `httpBot` is configured with; every duration is in milliseconds. */
export interface HttpBotOptions {
  /** Verifies pushes, syncs and resets; a list accepts any of them, for rotation. */
  readonly inboundSecret: string | readonly string[]
  /** Signs the callbacks (its first secret). Default: the first inbound secret. */
  readonly outboundSecret?: string | readonly string[]
  /** Where every reply part is POSTed: an http or https URL, from configuration only. */
  readonly callbackUrl: string
  /** Pushes for one session this close together become one turn. Default 0: off. */
  readonly aggregateMs?: number
  /** How long `/sync` waits for the turn's final part. Default 60 000. */
  readonly syncTimeoutMs?: number
  /** How long one callback attempt may take. Default 15 000. */
  readonly callbackTimeoutMs?: number
  /** Attempts after the first, on 5xx, timeout or connection error. Default 3. */
  readonly callbackRetries?: number
  /** The wait before the first retry; it doubles for each next one. Default 1 000. */
  readonly retryDelayMs?: number
  /** The longest wait between two attempts. Default 30 000. */
  readonly maxRetryDelayMs?: number
  /** Parts one session may have waiting for delivery; past it the oldest is dropped. Default 1 000. */
  readonly maxQueuedParts?: number
  /** Turns in progress plus parts not yet delivered, over all sessions; past it 503. Default 1 000. */
  readonly maxInFlight?: number
  /** Sends the callbacks. Default `globalThis.fetch`, looked up at each call. */
  readonly fetch?: typeof fetch
  /** The clock, in epoch milliseconds, for the replay window and the callbacks. Default `Date.now`. */
  readonly now?: () => number
}

/** The options with every default filled in and the secrets as lists. */
export interface BotConfig {
  readonly inboundSecrets: readonly string[]
  readonly outboundSecret: string
  readonly callbackUrl: string
  readonly aggregateMs: number
  readonly syncTimeoutMs: number
  readonly callbackTimeoutMs: number
  readonly callbackRetries: number
  readonly retryDelayMs: number
  readonly maxRetryDelayMs: number
  readonly maxQueuedParts: number
  readonly maxInFlight: number
  readonly fetch: typeof fetch
  readonly now: (() => number) | undefined
}

const FACTORY = 'httpBot'
const KNOWN = [
  'inboundSecret',
  'outboundSecret',
  'callbackUrl',
  'aggregateMs',
  'syncTimeoutMs',
  'callbackTimeoutMs',
  'callbackRetries',
  'retryDelayMs',
  'maxRetryDelayMs',
  'maxQueuedParts',
  'maxInFlight',
  'fetch',
  'now',
]

/** Validates `httpBot`'s options into a new object; every mistake names its option. */
export function resolveBotOptions(options: HttpBotOptions): BotConfig {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${FACTORY}: options are required`)
  }
  assertKnownOptions(FACTORY, options, KNOWN)
  const inboundSecrets = toSecretList(FACTORY, 'inboundSecret', options.inboundSecret)
  const outbound =
    options.outboundSecret === undefined
      ? inboundSecrets
      : toSecretList(FACTORY, 'outboundSecret', options.outboundSecret)
  const given = options.fetch
  return {
    inboundSecrets,
    outboundSecret: outbound[0] as string,
    callbackUrl: toHttpUrl(FACTORY, 'callbackUrl', options.callbackUrl).href,
    aggregateMs: integer('aggregateMs', options.aggregateMs, 0, 0),
    syncTimeoutMs: integer('syncTimeoutMs', options.syncTimeoutMs, 60_000, 1),
    callbackTimeoutMs: integer('callbackTimeoutMs', options.callbackTimeoutMs, 15_000, 1),
    callbackRetries: integer('callbackRetries', options.callbackRetries, 3, 0),
    retryDelayMs: integer('retryDelayMs', options.retryDelayMs, 1_000, 0),
    maxRetryDelayMs: integer('maxRetryDelayMs', options.maxRetryDelayMs, 30_000, 0),
    maxQueuedParts: integer('maxQueuedParts', options.maxQueuedParts, 1_000, 1),
    maxInFlight: integer('maxInFlight', options.maxInFlight, 1_000, 1),
    fetch:
      given === undefined ? (input, init) => globalThis.fetch(input, init) : fn('fetch', given),
    now: options.now === undefined ? undefined : fn('now', options.now),
  }
}

function integer(option: string, value: unknown, fallback: number, min: number): number {
  if (value === undefined) return fallback
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new TypeError(`${FACTORY}: option "${option}" must be an integer of at least ${min}`)
  }
  return value
}

function fn<T>(option: string, value: T): T {
  if (typeof value !== 'function') {
    throw new TypeError(`${FACTORY}: option "${option}" must be a function`)
  }
  return value
}
