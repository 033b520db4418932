import type { Segment } from './schema.ts'

/** How a `/sync` request ends: the collapsed parts, or a handler failure. */
export type SyncOutcome =
  | { readonly ok: true; readonly message: readonly Segment[] }
  | { readonly ok: false }

/**
 * One `/sync` request waiting for its turn's final part. It resolves once: with every part
 * when the turn ends, with the parts so far when `timeoutMs` passes first (the turn then
 * sends the rest as callbacks, as LangBot does), or as failed when the handler throws.
 */
export class SyncWaiter {
  readonly outcome: Promise<SyncOutcome>
  #resolve: (outcome: SyncOutcome) => void = () => undefined
  #detach: (() => readonly Segment[]) | undefined
  #settled = false
  readonly #timer: ReturnType<typeof setTimeout>
  readonly #onSettled: () => void

  constructor(timeoutMs: number, onSettled: () => void) {
    this.outcome = new Promise((resolve) => {
      this.#resolve = resolve
    })
    this.#onSettled = onSettled
    this.#timer = setTimeout(() => this.#expire(), timeoutMs)
  }

  /** Whether a starting turn should collect for this request; `detach` takes its parts so far. */
  attach(detach: () => readonly Segment[]): boolean {
    if (this.#settled) return false
    this.#detach = detach
    return true
  }

  settle(outcome: SyncOutcome): void {
    if (this.#settled) return
    this.#settled = true
    clearTimeout(this.#timer)
    this.#resolve(outcome)
    this.#onSettled()
  }

  #expire(): void {
    this.settle({ ok: true, message: this.#detach?.() ?? [] })
  }
}
