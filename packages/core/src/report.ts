import { WebhookError } from './errors.ts'
import type { Logger } from './options.ts'
import type { ErrorHandler } from './types.ts'

/** The `onError` listeners of one webhook, with the logger as the fallback. */
export interface Reporter {
  add(handler: ErrorHandler<never>): void
  /** Gives a failure to every listener; a listener that throws is logged, never rethrown. */
  report(error: unknown, event?: unknown): Promise<void>
}

export function createReporter(logger: Logger): Reporter {
  const handlers: ErrorHandler<unknown>[] = []
  return {
    add(handler) {
      if (typeof handler !== 'function') {
        throw new TypeError('onError: the handler must be a function')
      }
      handlers.push(handler as ErrorHandler<unknown>)
    },
    async report(error, event) {
      if (handlers.length === 0) {
        // A platform's own background failure (no event) carries its own words; a handler's
        // error may carry anything, so only its kind is named.
        const own = error instanceof WebhookError || (event === undefined && error instanceof Error)
        const what = own ? error.message : 'a handler failed'
        logger.error(`chathooks: ${what}`, error)
        return
      }
      for (const handler of handlers) {
        try {
          await handler(error, event)
        } catch (failure) {
          logger.error('chathooks: an onError handler threw', failure)
        }
      }
    },
  }
}
