import { performance } from 'node:perf_hooks'
import { CliError } from '../cli-error.ts'
import type { Answer } from '../http/send-request.ts'

/** One request of a load run: its latency, and its status or the reason it got none. */
export interface Outcome {
  readonly ms: number
  /** The HTTP status, or the failure code (`unreachable`, `timeout`) when none came. */
  readonly result: number | string
}

export interface LoadOptions {
  /** How many requests to send. */
  readonly total: number
  /** How many to keep in flight at once. */
  readonly concurrency: number
  /** Sends the request number `index` (from 0). */
  readonly send: (index: number) => Promise<Answer>
  /** Called after each request, with how many are done. */
  readonly onProgress?: (done: number) => void
}

/** What a load run measured. */
export interface LoadResult {
  readonly outcomes: readonly Outcome[]
  /** From the first request sent to the last answer, in milliseconds. */
  readonly elapsedMs: number
  /** The first request that got no answer, as it failed. */
  readonly firstFailure: CliError | undefined
}

/**
 * Sends `total` requests with at most `concurrency` in flight, recording every status and
 * latency; a request that gets no answer is counted under its failure code, not thrown.
 *
 * @throws whatever `send` throws that is not a `CliError` (a bug, not a failed request).
 * @example
 * ```ts
 * const result = await runLoad({ total: 100, concurrency: 8, send: () => sendRequest(url, request) })
 * ```
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const outcomes: Outcome[] = []
  let firstFailure: CliError | undefined
  let next = 0
  const started = performance.now()
  async function worker(): Promise<void> {
    while (next < options.total) {
      const index = next++
      const sent = performance.now()
      try {
        const answer = await options.send(index)
        outcomes.push({ ms: answer.ms, result: answer.status })
      } catch (error) {
        if (!(error instanceof CliError)) throw error
        firstFailure ??= error
        outcomes.push({ ms: performance.now() - sent, result: error.code })
      }
      options.onProgress?.(outcomes.length)
    }
  }
  const workers = Math.max(1, Math.min(options.concurrency, options.total))
  await Promise.all(Array.from({ length: workers }, worker))
  return { outcomes, elapsedMs: performance.now() - started, firstFailure }
}
