import { type Command, Option } from 'commander'
import { type CommandContext, integer, jsonOption } from './options.ts'

/** The options of `chathooks demo`. */
export interface DemoOptions {
  readonly serve?: boolean
  readonly port: number
  readonly json?: boolean
}

/** `chathooks demo`: the five platforms on one local server, driven by the CLI's own `send`. */
export function registerDemo(program: Command, context: CommandContext): void {
  program
    .command('demo')
    .description(
      'serve all five platforms on one local Hono server, send each signed, tampered, expired and duplicate deliveries, and print what happened',
    )
    .option('--serve', 'keep the server up afterwards and print a ready curl line per platform')
    .addOption(
      new Option('--port <port>', 'the port to serve on (default: a free one)')
        .argParser(integer(0, 65535))
        .default(0),
    )
    .addOption(jsonOption())
    .addHelpText('after', '\nExits 0 when every row is as expected, 1 otherwise.\n')
    .action(async (options: DemoOptions) => {
      // Loaded on use, so that `--help` and the other commands start fast.
      const { runDemo } = await import('../demo/run-demo.ts')
      context.exitCode = await runDemo(options, context.io)
    })
}
