/**
 * Where idempotency keys are claimed. `claim` answers `true` exactly once per key until the
 * key's time-to-live passes or it is released; it must be atomic across every process that
 * shares the store (`@chathooks/redis` uses `SET NX PX`).
 */
export interface IdempotencyStore {
  claim(key: string, ttlMs: number): boolean | Promise<boolean>
  release(key: string): void | Promise<void>
}

export interface MemoryStoreOptions {
  /** How many keys are kept; past it the oldest claim is forgotten. Default 10 000. */
  readonly maxKeys?: number
  /** The clock, in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number
}

/** How many of the oldest claims eviction searches for an expired one. */
const EVICTION_SEARCH = 16

/**
 * An in-process idempotency store: each key expires after its TTL, and past `maxKeys` the
 * oldest claim is evicted so memory stays bounded under any load. It only de-duplicates
 * within one process; use `@chathooks/redis` when several instances share a webhook URL.
 *
 * @example
 * ```ts
 * const webhook = createWebhook(platform, { store: new MemoryStore({ maxKeys: 50_000 }) })
 * ```
 */
export class MemoryStore implements IdempotencyStore {
  readonly #expiries = new Map<string, number>()
  readonly #maxKeys: number
  readonly #now: () => number

  constructor(options: MemoryStoreOptions = {}) {
    const maxKeys = options.maxKeys ?? 10_000
    if (!Number.isInteger(maxKeys) || maxKeys < 1) {
      throw new TypeError('MemoryStore: option "maxKeys" must be a positive integer')
    }
    this.#maxKeys = maxKeys
    this.#now = options.now ?? Date.now
  }

  /** The number of live claims; counting walks every claim, so it is for tests and metrics. */
  get size(): number {
    const now = this.#now()
    for (const [key, expiry] of this.#expiries) if (expiry <= now) this.#expiries.delete(key)
    return this.#expiries.size
  }

  claim(key: string, ttlMs: number): boolean {
    const now = this.#now()
    this.#sweep(now)
    const expiry = this.#expiries.get(key)
    if (expiry !== undefined && expiry > now) return false
    // Re-inserting keeps the map in claim order, which is what eviction relies on.
    this.#expiries.delete(key)
    this.#expiries.set(key, now + ttlMs)
    if (this.#expiries.size > this.#maxKeys) this.#evict(now)
    return true
  }

  release(key: string): void {
    this.#expiries.delete(key)
  }

  /** Drops expired claims from the old end; stops at the first live one. */
  #sweep(now: number): void {
    for (const [key, expiry] of this.#expiries) {
      if (expiry > now) return
      this.#expiries.delete(key)
    }
  }

  /**
   * Makes room for one claim. With one TTL the oldest claim expires first and the sweep has
   * already dropped every expired one; a store shared by webhooks with different TTLs can hold
   * an expired claim behind a live one, so a few of the oldest are searched for one before the
   * oldest live claim is forgotten. The search is bounded to keep a claim O(1).
   */
  #evict(now: number): void {
    let oldest: string | undefined
    let seen = 0
    for (const [key, expiry] of this.#expiries) {
      oldest ??= key
      if (expiry <= now) {
        this.#expiries.delete(key)
        return
      }
      if (++seen === EVICTION_SEARCH) break
    }
    if (oldest !== undefined) this.#expiries.delete(oldest)
  }
}
