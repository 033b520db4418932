import { performance } from 'node:perf_hooks'
import type { DemoOptions } from '../commands/demo.ts'
import type { Io } from '../io.ts'
import { formatPart } from '../listen/format-part.ts'
import { startReceiver } from '../listen/receiver.ts'
import { createOutput } from '../output.ts'
import { createDemoBots } from './bots.ts'
import { createCallbackLog } from './callback-log.ts'
import { createJournal } from './journal.ts'
import { inOrder, passed, printReport } from './print-report.ts'
import { runSteps } from './run-steps.ts'
import { DEMO_SECRETS } from './secrets.ts'
import { keepServing } from './serve-mode.ts'
import { startDemoServer } from './server.ts'
import { demoSteps } from './steps.ts'

/**
 * `chathooks demo`: starts a LangBot callback receiver and one Hono server with the five
 * bots, sends every demo step through the CLI's own sending code, prints the table, and with
 * `serve` keeps serving with ready `curl` lines. Resolves with the exit code: 0 when every row
 * is as expected and the callbacks came in order, 1 otherwise.
 *
 * @throws CliError `listen_failed` when the port is taken.
 * @example
 * ```ts
 * process.exitCode = await runDemo({ port: 0 }, processIo())
 * ```
 */
export async function runDemo(options: DemoOptions, io: Io): Promise<number> {
  const started = performance.now()
  const output = createOutput(io, { json: options.json === true })
  const callbacks = createCallbackLog()
  let live = false
  const receiver = await startReceiver({
    secret: DEMO_SECRETS.langbot,
    port: 0,
    host: '127.0.0.1',
    onPart(part) {
      callbacks.add(part)
      if (live)
        output.json
          ? output.value({ part })
          : output.line(`langbot callback  ${formatPart(part, output.paint)}`)
    },
    onRefused: (status, reason) =>
      live && output.line(`langbot callback refused: ${status} ${reason}`),
  })
  const journal = createJournal()
  const server = await startDemoServer(createDemoBots(journal, receiver.url), options.port).catch(
    async (error: unknown) => {
      await receiver.close()
      throw error
    },
  )
  try {
    const rows = await runSteps(demoSteps(callbacks), server.url, journal)
    const report = {
      server: server.url,
      receiver: receiver.url,
      rows,
      callbacks: [...callbacks.parts],
      callbacksInOrder: inOrder(callbacks.parts),
      elapsedMs: performance.now() - started,
    }
    printReport(output, report)
    if (options.serve === true) {
      live = true
      journal.follow(({ platform, event, did }) =>
        output.json
          ? output.value({ platform, event, did })
          : output.line(`${output.paint.cyan(`${platform} ${event}`)}  ${did}`),
      )
      await keepServing(output, io, server.url)
    }
    return passed(report) ? 0 : 1
  } finally {
    await server.close()
    await receiver.close()
  }
}
