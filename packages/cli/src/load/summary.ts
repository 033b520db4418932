import type { LoadResult } from './run-load.ts'

/** Latencies of a load run, in milliseconds. */
export interface Latency {
  readonly min: number
  readonly p50: number
  readonly p90: number
  readonly p99: number
  readonly max: number
  readonly mean: number
}

/** A load run in numbers, as `send --repeat` prints it and `--json` gives it. */
export interface LoadSummary {
  readonly requests: number
  readonly concurrency: number
  /** Requests answered 2xx. */
  readonly ok: number
  /** Every other request, by status (`"500"`) or failure code (`"unreachable"`). */
  readonly errors: Readonly<Record<string, number>>
  /** Every request by status or failure code, the 2xx included. */
  readonly results: Readonly<Record<string, number>>
  readonly latencyMs: Latency
  readonly elapsedMs: number
  readonly perSecond: number
}

/**
 * Sums up a load run: counts by status, latency percentiles (nearest rank), throughput.
 *
 * @example
 * ```ts
 * const { latencyMs } = summarize(await runLoad(options), 8)
 * ```
 */
export function summarize(result: LoadResult, concurrency: number): LoadSummary {
  const results: Record<string, number> = {}
  for (const { result: key } of result.outcomes) results[key] = (results[key] ?? 0) + 1
  const ok = result.outcomes.filter(({ result: key }) => isSuccess(key)).length
  const errors = Object.fromEntries(Object.entries(results).filter(([key]) => !isSuccess(key)))
  const sorted = result.outcomes.map(({ ms }) => ms).sort((a, b) => a - b)
  const total = sorted.reduce((sum, ms) => sum + ms, 0)
  return {
    requests: result.outcomes.length,
    concurrency,
    ok,
    errors,
    results,
    latencyMs: {
      min: round(sorted[0] ?? 0),
      p50: round(percentile(sorted, 50)),
      p90: round(percentile(sorted, 90)),
      p99: round(percentile(sorted, 99)),
      max: round(sorted.at(-1) ?? 0),
      mean: round(sorted.length === 0 ? 0 : total / sorted.length),
    },
    elapsedMs: round(result.elapsedMs),
    perSecond: round(result.elapsedMs === 0 ? 0 : (sorted.length * 1000) / result.elapsedMs),
  }
}

/** The nearest-rank percentile of sorted values: the smallest one with `p`% at or below it. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0
}

function isSuccess(key: number | string): boolean {
  const status = Number(key)
  return status >= 200 && status < 300
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10
}
