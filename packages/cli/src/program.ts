import { readFileSync } from 'node:fs'
import { Command } from 'commander'
import { registerDemo } from './commands/demo.ts'
import { registerListen } from './commands/listen.ts'
import type { CommandContext } from './commands/options.ts'
import { registerSend } from './commands/send.ts'
import { registerServe } from './commands/serve.ts'
import { registerSign } from './commands/sign.ts'

// src/ and dist/ both sit beside package.json.
const { version } = JSON.parse(
  readFileSync(new URL('../package.json', import.meta.url), 'utf8'),
) as { version: string }

/**
 * The `chathooks` command line: `send`, `sign`, `listen`, `serve` and `demo`, each with
 * `--help`. Commander's own errors and help go to the context's streams and come back as a
 * `CommanderError` instead of ending the process.
 *
 * @example
 * ```ts
 * await createProgram({ io: processIo(), exitCode: 0 }).parseAsync(['demo'], { from: 'user' })
 * ```
 */
export function createProgram(context: CommandContext): Command {
  const { io } = context
  const program = new Command('chathooks')
    .description('Sign and send sample chat-bot webhook deliveries, serve echo bots, run the demo.')
    .version(version, '-V, --version')
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
    })
    .showHelpAfterError('(add --help for usage)')
    .exitOverride()
  registerSend(program, context)
  registerSign(program, context)
  registerListen(program, context)
  registerServe(program, context)
  registerDemo(program, context)
  return program
}
