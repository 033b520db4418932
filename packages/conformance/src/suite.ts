import { describe, it } from 'vitest'
import { bodyCases } from './cases/bodies.ts'
import { deliveryCases } from './cases/delivery.ts'
import { presetCases } from './cases/presets.ts'
import { statusCases } from './cases/status.ts'
import { type Harness, startHarness } from './harness.ts'
import type { ConformanceTarget } from './target.ts'

/** Registers one test; each case gets a freshly started target, closed when the test ends. */
export type Case = (title: string, test: (target: Harness) => Promise<void>) => void

/** A table of cases, each registered as its own test. */
export type Cases = <Row>(
  rows: readonly Row[],
  title: (row: NoInfer<Row>) => string,
  test: (target: Harness, row: NoInfer<Row>) => Promise<void>,
) => void

const TIMEOUT_MS = 20_000

/**
 * Runs the one adapter behaviour suite against a target, with the target's name appended to
 * every test title: statuses and error shapes, exact bytes, size limits with sized and chunked
 * bodies, clients that leave mid-body, handler failures, duplicates, sub-routes, ack-first, and
 * the Telegram, pararam and LangBot presets on their own sub-routes.
 *
 * @example
 * ```ts
 * describeConformance('@chathooks/node serve', inProcessTarget((mounts) => serve(mounts, { port: 0 })))
 * ```
 */
export function describeConformance(name: string, target: ConformanceTarget): void {
  const test: Case = (title, body) => {
    it(`${title} [${name}]`, { timeout: TIMEOUT_MS }, async ({ onTestFinished }) => {
      const harness = await startHarness(target)
      onTestFinished(async () => void (await harness.close()))
      await body(harness)
    })
  }
  const table: Cases = (rows, title, body) => {
    for (const row of rows) test(title(row), (harness) => body(harness, row))
  }
  describe('adapter conformance', () => {
    statusCases(test, table)
    bodyCases(test, table)
    deliveryCases(test, target.cannotDrain)
    presetCases(test, table, target.cannotDrain)
  })
}
