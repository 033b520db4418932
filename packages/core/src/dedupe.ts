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
  // Whether claim order is also expiry order; mixed TTLs (a store shared by webhooks with
  // different `dedupeTtlMs`) break it and leave expired claims behind live ones.
  #ordered = true
  #lastExpiry = Number.NEGATIVE_INFINITY

  constructor(options: MemoryStoreOptions = {}) {
    const maxKeys = options.maxKeys ?? 10_000
    if (!Number.isInteger(maxKeys) || maxKeys < 1) {
      throw new TypeError('MemoryStore: option "maxKeys" must be a positive integer')
    }
    this.#maxKeys = maxKeys
    this.#now = options.now ?? Date.now
  }

  /** The number of live claims. */
  get size(): number {
    this.#sweepAll(this.#now())
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
    if (now + ttlMs < this.#lastExpiry) this.#ordered = false
    this.#lastExpiry = Math.max(this.#lastExpiry, now + ttlMs)
    if (this.#expiries.size > this.#maxKeys) {
      // An expired claim must go before a live one is forgotten.
      if (!this.#ordered) this.#sweepAll(now)
      if (this.#expiries.size > this.#maxKeys) {
        const oldest = this.#expiries.keys().next()
        if (oldest.done !== true) this.#expiries.delete(oldest.value)
      }
    }
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

  /** Drops every expired claim, and notes whether the survivors are back in expiry order. */
  #sweepAll(now: number): void {
    if (this.#ordered) {
      this.#sweep(now)
      return
    }
    let ordered = true
    let last = Number.NEGATIVE_INFINITY
    for (const [key, expiry] of this.#expiries) {
      if (expiry <= now) {
        this.#expiries.delete(key)
        continue
      }
      if (expiry < last) ordered = false
      last = expiry
    }
    this.#ordered = ordered
    this.#lastExpiry = last
  }
}
