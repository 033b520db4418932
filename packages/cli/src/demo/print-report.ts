import type { CallbackPayload } from '@chathooks/core/langbot'
import { formatPart } from '../listen/format-part.ts'
import type { Output } from '../output.ts'
import { renderTable } from '../table.ts'
import type { Row } from './run-steps.ts'

/** What a demo run found. */
export interface DemoReport {
  readonly server: string
  readonly receiver: string
  readonly rows: readonly Row[]
  readonly callbacks: readonly CallbackPayload[]
  /** The callbacks came in order: sequence 1, 2, … with only the last one final. */
  readonly callbacksInOrder: boolean
  readonly elapsedMs: number
}

/** Every row as expected and the callbacks in order. */
export function passed(report: DemoReport): boolean {
  return report.rows.every((row) => row.ok) && report.callbacksInOrder
}

/**
 * Prints the demo's table (platform, event, status, what the handler did, milliseconds, and
 * a mark for rows as expected), the LangBot callbacks in arrival order, and a verdict; with
 * `--json`, one object with the same.
 *
 * @example
 * ```ts
 * printReport(output, report)
 * ```
 */
export function printReport(output: Output, report: DemoReport): void {
  if (output.json) {
    output.value({ ...report, ok: passed(report) })
    return
  }
  const { paint } = output
  output.line(
    `One Hono app on ${paint.bold(report.server)}: /telegram /viber /pararam /clustaar /langbot`,
  )
  output.line()
  const lines = renderTable(
    [
      { heading: 'platform' },
      { heading: 'event' },
      { heading: 'status', align: 'right' },
      { heading: 'what the handler did' },
      { heading: 'ms', align: 'right' },
      { heading: '' },
    ],
    report.rows.map((row) => [
      { text: row.platform },
      { text: row.event },
      {
        text: row.status === null ? '-' : String(row.status),
        style: row.ok ? undefined : paint.red,
      },
      { text: row.did, style: row.ok ? undefined : paint.red },
      { text: row.ms.toFixed(1), style: paint.dim },
      row.ok
        ? { text: 'ok', style: paint.green }
        : { text: `FAIL, expected ${row.expected.status}`, style: paint.red },
    ]),
    paint.bold,
  )
  for (const line of lines) output.line(line)
  output.line()
  output.line(`LangBot callbacks received by the local receiver at ${report.receiver}, in order:`)
  for (const part of report.callbacks) output.line(`  ${formatPart(part, paint)}`)
  if (!report.callbacksInOrder)
    output.line(paint.red('  FAIL: not 1, 2, … with the last one final'))
  output.line()
  const good = report.rows.filter((row) => row.ok).length
  const verdict = `${good} of ${report.rows.length} rows as expected, ${report.callbacks.length} callbacks in order, in ${(report.elapsedMs / 1000).toFixed(2)} s`
  output.line(passed(report) ? paint.green(verdict) : paint.red(verdict.replace(' in order', '')))
}

/** Sequence numbers 1, 2, … per reply_to, with only the last part final. */
export function inOrder(parts: readonly CallbackPayload[]): boolean {
  if (parts.length === 0) return false
  const turns = new Map<string, CallbackPayload[]>()
  for (const part of parts) turns.set(part.reply_to, [...(turns.get(part.reply_to) ?? []), part])
  return [...turns.values()].every((turn) =>
    turn.every(
      (part, index) => part.sequence === index + 1 && part.is_final === (index === turn.length - 1),
    ),
  )
}
