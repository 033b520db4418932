import type { Answer } from '../http/send-request.ts'
import type { Io } from '../io.ts'
import { createProgress } from '../load/progress.ts'
import { runLoad } from '../load/run-load.ts'
import { type LoadSummary, summarize } from '../load/summary.ts'
import type { Output } from '../output.ts'

export interface LoadCheckOptions {
  readonly total: number
  readonly concurrency: number
  readonly send: () => Promise<Answer>
}

/**
 * `send --repeat`: sends the requests with a progress bar on a terminal's stderr, then prints
 * the summary (latency percentiles, errors by status). Resolves with the exit code: 0 once any
 * request got an answer, whatever its status.
 *
 * @throws CliError the first failure, when no request got any answer.
 * @example
 * ```ts
 * process.exitCode = await loadCheck(output, io, { total: 100, concurrency: 8, send })
 * ```
 */
export async function loadCheck(
  output: Output,
  io: Io,
  options: LoadCheckOptions,
): Promise<number> {
  const progress = createProgress(io.stderr, options.total)
  const result = await runLoad({
    ...options,
    send: () => options.send(),
    onProgress: progress.update,
  })
  progress.done()
  if (
    result.firstFailure !== undefined &&
    result.outcomes.every(({ result }) => typeof result === 'string')
  ) {
    throw result.firstFailure
  }
  const summary = summarize(result, options.concurrency)
  if (output.json) output.value(summary)
  else printSummary(output, summary)
  return 0
}

function printSummary(output: Output, summary: LoadSummary): void {
  const { paint } = output
  const failed = summary.requests - summary.ok
  output.line(
    `${summary.requests} requests, concurrency ${summary.concurrency}, in ${summary.elapsedMs} ms (${summary.perSecond}/s)`,
  )
  output.line(
    `${paint.green(`${summary.ok} ok (2xx)`)}, ${(failed > 0 ? paint.red : paint.dim)(`${failed} errors`)}`,
  )
  const { min, p50, p90, p99, max, mean } = summary.latencyMs
  output.line(
    `latency ms: min ${min}  p50 ${paint.bold(String(p50))}  p90 ${p90}  p99 ${paint.bold(String(p99))}  max ${max}  mean ${mean}`,
  )
  const errors = Object.entries(summary.errors)
  if (errors.length > 0) {
    output.line(`errors by status: ${errors.map(([key, count]) => `${key} × ${count}`).join(', ')}`)
  }
}
