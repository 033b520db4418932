import type { CallbackPayload } from '@chathooks/core/langbot'

/** The reply parts the demo's receiver got, in arrival order. */
export interface CallbackLog {
  readonly parts: readonly CallbackPayload[]
  add(part: CallbackPayload): void
  /**
   * Resolves with the parts answering `replyTo` once its final part arrived, or with the
   * parts so far after `timeoutMs`.
   */
  turn(replyTo: string, timeoutMs: number): Promise<CallbackPayload[]>
}

/**
 * An empty log of callbacks, for the receiver to `add` to and the demo to wait on.
 *
 * @example
 * ```ts
 * const log = createCallbackLog()
 * const parts = await log.turn(acceptedMessageId, 5000)
 * ```
 */
export function createCallbackLog(): CallbackLog {
  const parts: CallbackPayload[] = []
  const waiters = new Set<() => void>()
  const of = (replyTo: string) => parts.filter((part) => part.reply_to === replyTo)
  return {
    parts,
    add(part) {
      parts.push(part)
      for (const wake of waiters) wake()
    },
    turn(replyTo, timeoutMs) {
      return new Promise((resolve) => {
        const check = () => {
          if (!of(replyTo).some((part) => part.is_final)) return
          finish()
        }
        const finish = () => {
          clearTimeout(timer)
          waiters.delete(check)
          resolve(of(replyTo))
        }
        const timer = setTimeout(finish, timeoutMs)
        waiters.add(check)
        check()
      })
    },
  }
}
