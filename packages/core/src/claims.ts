import { WebhookError } from './errors.ts'
import type { ResolvedOptions } from './options.ts'

/** Claims and releases idempotency keys, applying the webhook's store-failure policy. */
export interface Claims {
  /** `true` for a first delivery, `false` for a repeat, `undefined` when failing open. */
  claim(key: string): Promise<boolean | undefined>
  release(key: string): Promise<void>
}

/** The claims of one webhook; `report` receives a store outage under fail-closed. */
export function createClaims(
  options: ResolvedOptions,
  report: (error: WebhookError) => Promise<void>,
): Claims {
  const { store, dedupeTtlMs, logger } = options
  return {
    async claim(key) {
      try {
        return await store.claim(key, dedupeTtlMs)
      } catch (cause) {
        const error = new WebhookError(
          'store_unavailable',
          'The idempotency store is unavailable',
          {
            cause,
          },
        )
        if (options.onStoreError === 'fail-closed') {
          await report(error)
          throw error
        }
        logger.warn(
          'chathooks: idempotency store failed; dispatching without de-duplication',
          cause,
        )
        return undefined
      }
    },
    async release(key) {
      try {
        await store.release(key)
      } catch (cause) {
        logger.error(
          'chathooks: could not release an idempotency key; retries will be dropped until it expires',
          cause,
        )
      }
    },
  }
}
