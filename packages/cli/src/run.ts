import { CommanderError } from 'commander'
import { CliError } from './cli-error.ts'
import { type Io, processIo } from './io.ts'
import { createPaint, useColor } from './output.ts'
import { createProgram } from './program.ts'

/**
 * Runs the `chathooks` command line on `argv` (the arguments after the program name) and
 * resolves with the exit code: 0 on success, 1 when a check failed (`demo`), 2 for a usage
 * mistake (an unknown platform or event, a missing secret, a data file that is not JSON, a URL
 * nobody answers on), printed as one line on stderr without a stack trace.
 *
 * @example
 * ```ts
 * process.exitCode = await run(process.argv.slice(2))
 * ```
 */
export async function run(argv: readonly string[], io: Io = processIo()): Promise<number> {
  const context = { io, exitCode: 0 }
  const program = createProgram(context)
  try {
    await program.parseAsync(argv, { from: 'user' })
    return context.exitCode
  } catch (error) {
    // Commander has printed its message (or the help) already.
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2
    const { red } = createPaint(useColor(io.stderr, io.env))
    if (error instanceof CliError) {
      io.stderr.write(`${red('error:')} ${error.message}\n`)
      return error.exitCode
    }
    io.stderr.write(`${red('error:')} unexpected failure: ${(error as Error).message ?? error}\n`)
    return 1
  }
}
