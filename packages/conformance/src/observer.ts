import type { Logger, WebhookRequest } from '@chathooks/core'

/** One delivery a handler ran for: where, the path the webhook saw, the exact body (hex). */
export interface ObservedDelivery {
  readonly mount: string
  readonly url: string
  readonly body: string
}

/** One `onError` call: the mount, the error's message, and whether an event came with it. */
export interface ObservedError {
  readonly mount: string
  readonly message: string
  readonly withEvent: boolean
}

/** What the scenario saw, as JSON: the probe answers it, a subprocess prints it on exit. */
export interface Observations {
  readonly deliveries: readonly ObservedDelivery[]
  readonly errors: readonly ObservedError[]
  /** Ack-first handler runs started, and finished (after their gate opened). */
  readonly ackFirst: { readonly started: number; readonly finished: number }
  /** Lines the webhooks logged; a conforming adapter causes none. */
  readonly logs: readonly string[]
}

/** Records what the scenario's handlers see, and holds the gate slow handlers wait at. */
export interface Observer {
  delivered(mount: string, request: WebhookRequest): void
  failed(mount: string, error: unknown, event: unknown): void
  /** Waits at the gate, counted as an ack-first run started and, once it opens, finished. */
  gated(): Promise<void>
  /** Opens the gate and resolves once every gated run has finished. */
  release(): Promise<void>
  readonly logger: Logger
  observations(): Observations
}

/** A fresh observer, with its gate shut. */
export function createObserver(): Observer {
  const deliveries: ObservedDelivery[] = []
  const errors: ObservedError[] = []
  const logs: string[] = []
  const running = new Set<Promise<void>>()
  const ackFirst = { started: 0, finished: 0 }
  let open: () => void = () => undefined
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  const log = (message: string) => void logs.push(message)
  return {
    delivered: (mount, request) =>
      void deliveries.push({ mount, url: request.url, body: toHex(request.body) }),
    failed: (mount, error, event) =>
      void errors.push({
        mount,
        message: error instanceof Error ? error.message : String(error),
        withEvent: event !== undefined,
      }),
    gated() {
      ackFirst.started++
      const run = opened.then(() => {
        ackFirst.finished++
      })
      running.add(run)
      return run
    },
    async release() {
      open()
      await Promise.all(running)
    },
    logger: { warn: log, error: log },
    observations: () => structuredClone({ deliveries, errors, ackFirst, logs }),
  }
}

/**
 * Lower-case hex of bytes, as observations carry the bodies handlers saw, to compare them
 * exactly through JSON.
 *
 * @example
 * ```ts
 * expect(seen.body).toBe(toHex(new TextEncoder().encode(BODIES.pretty)))
 * ```
 */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')
}
