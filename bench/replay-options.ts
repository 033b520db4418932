import { MemoryStore, type WebhookOptions } from '@chathooks/core'

/**
 * Options for a webhook a bench sends one delivery to over and over: a real `MemoryStore` whose
 * clock moves one millisecond at each claim, with a one-millisecond TTL, so the last claim has
 * always expired and every repeat is claimed as a first delivery. The store does its whole
 * work on every iteration; only its "seen before" answer, which would skip dispatch and
 * measure the duplicate answer instead, never comes.
 *
 * @example
 * ```ts
 * const webhook = createWebhook(telegram({ secretToken }), replayOptions())
 * ```
 */
export function replayOptions(): WebhookOptions {
  let tick = 0
  return { store: new MemoryStore({ now: () => ++tick }), dedupeTtlMs: 1 }
}
