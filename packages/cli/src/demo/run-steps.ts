import { CliError } from '../cli-error.ts'
import { type Answer, sendRequest } from '../http/send-request.ts'
import { refusalOf } from '../observe.ts'
import type { PlatformName } from '../platforms/index.ts'
import type { Journal } from './journal.ts'
import type { Expectation, Step } from './steps.ts'

/** One line of the demo's table. */
export interface Row {
  readonly platform: PlatformName
  readonly event: string
  /** The answer's status, or `null` when none came. */
  readonly status: number | null
  /** What the handler did, or why none ran. */
  readonly did: string
  readonly ms: number
  readonly expected: Expectation
  /** The status and whether a handler ran are both as expected. */
  readonly ok: boolean
}

/**
 * Sends the steps one after another to the server at `origin` (each platform below
 * `/<name>`), waiting for each step's background work, and tells from the journal what the
 * handlers did for it.
 *
 * @example
 * ```ts
 * const rows = await runSteps(demoSteps(callbacks), server.url, journal)
 * ```
 */
export async function runSteps(
  steps: readonly Step[],
  origin: string,
  journal: Journal,
): Promise<Row[]> {
  const rows: Row[] = []
  for (const step of steps) {
    journal.take()
    const base = new URL(`${origin}/${step.platform}`)
    let answer: Answer
    try {
      answer = await sendRequest(base, await step.request(), { timeoutMs: 5_000 })
    } catch (error) {
      if (!(error instanceof CliError)) throw error
      rows.push({ ...head(step), status: null, did: error.message, ms: 0, ok: false })
      continue
    }
    const settled = step.settle === undefined ? undefined : await step.settle(answer)
    const entries = journal.take()
    const handled = entries.length > 0
    const did =
      answer.status >= 400
        ? `refused: ${refusalOf(answer.status, answer.body)}`
        : handled
          ? entries.map((entry) => entry.did).join('; ')
          : 'not dispatched'
    rows.push({
      ...head(step),
      status: answer.status,
      did: [did, settled, step.note === undefined ? undefined : `(${step.note})`]
        .filter(Boolean)
        .join(' '),
      ms: answer.ms,
      ok: answer.status === step.expect.status && handled === step.expect.handled,
    })
  }
  return rows
}

function head(step: Step) {
  return { platform: step.platform, event: step.label, expected: step.expect }
}
