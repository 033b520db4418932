import type { Observations } from './observer.ts'

/** What the suite runs against: a way to start a server hosting a fresh scenario. */
export interface ConformanceTarget {
  /** Starts a server on 127.0.0.1 hosting a fresh `createScenario()`'s mounts at their paths. */
  start(): Promise<StartedTarget>
  /**
   * Why `close()` cannot drain ack-first work, where it cannot (workerd keeps that work alive
   * through `waitUntil` and has no drain on shutdown). The suite then checks instead that the
   * work finishes once released, and names the reason in that test's title.
   */
  readonly cannotDrain?: string
}

/** A started target. */
export interface StartedTarget {
  /** The server's origin, e.g. `http://127.0.0.1:41234`; mount paths go after it. */
  readonly url: string
  /**
   * Stops accepting, drains every webhook (`webhook.close()`), and resolves with the final
   * observations; `undefined` where the target cannot drain.
   */
  close(): Promise<Observations | undefined>
}

/** A server an adapter runs in this process: its origin, and a close that drains the webhooks. */
export interface HostedServer {
  readonly url: string
  close(): Promise<void>
}
