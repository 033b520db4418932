import { type IdempotencyStore, MemoryStore } from './dedupe.ts'
import { assertKnownOptions, oneOf } from './internal/options.ts'

/** Where warnings and unreported errors go; `console` fits. */
export interface Logger {
  warn(message: string, ...details: unknown[]): void
  error(message: string, ...details: unknown[]): void
}

export interface WebhookOptions {
  /** Bodies larger than this are refused with 413. Default 1 MiB. */
  readonly maxBodyBytes?: number
  /** Where idempotency keys are claimed. Default a new `MemoryStore`. */
  readonly store?: IdempotencyStore
  /** How long a delivery is remembered. Default: the platform's, else one day. */
  readonly dedupeTtlMs?: number
  /** `'ack-first'` answers at once and runs handlers in the background. */
  readonly respond?: 'after-handler' | 'ack-first'
  /** When the store fails: refuse with 503 (`'fail-closed'`) or dispatch anyway. */
  readonly onStoreError?: 'fail-closed' | 'fail-open'
  /** Default `console`. */
  readonly logger?: Logger
}

/** Options with every default filled in. */
export interface ResolvedOptions {
  readonly maxBodyBytes: number
  readonly store: IdempotencyStore
  readonly dedupeTtlMs: number
  readonly respond: 'after-handler' | 'ack-first'
  readonly onStoreError: 'fail-closed' | 'fail-open'
  readonly logger: Logger
}

const KNOWN = ['maxBodyBytes', 'store', 'dedupeTtlMs', 'respond', 'onStoreError', 'logger']
const ONE_DAY_MS = 24 * 60 * 60 * 1000

/** Validates the options and fills in defaults, into a new object. */
export function resolveOptions(options: WebhookOptions, platformTtlMs?: number): ResolvedOptions {
  assertKnownOptions('createWebhook', options, KNOWN)
  const store = options.store ?? new MemoryStore()
  if (typeof store.claim !== 'function' || typeof store.release !== 'function') {
    throw new TypeError('createWebhook: option "store" must have claim() and release()')
  }
  return {
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, 1024 * 1024),
    store,
    dedupeTtlMs: positive('dedupeTtlMs', options.dedupeTtlMs, platformTtlMs ?? ONE_DAY_MS),
    respond: oneOf(
      'createWebhook',
      'respond',
      options.respond,
      ['after-handler', 'ack-first'],
      'after-handler',
    ),
    onStoreError: oneOf(
      'createWebhook',
      'onStoreError',
      options.onStoreError,
      ['fail-closed', 'fail-open'],
      'fail-closed',
    ),
    logger: options.logger ?? console,
  }
}

function positive(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new TypeError(`createWebhook: option "${option}" must be a positive integer`)
  }
  return value
}
