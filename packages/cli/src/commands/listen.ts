import type { Command } from 'commander'
import { type CommandContext, hostOption, jsonOption, portOption, secretOption } from './options.ts'

/** The options of `chathooks listen`. */
export interface ListenOptions {
  readonly secret: string
  readonly port: number
  readonly host: string
  readonly json?: boolean
}

/** `chathooks listen`: a LangBot callback receiver that prints each reply part. */
export function registerListen(program: Command, context: CommandContext): void {
  program
    .command('listen')
    .description('receive LangBot callbacks: verify each reply part and print it as it arrives')
    .addOption(secretOption("the bot's outbound secret"))
    .addOption(portOption(8081))
    .addOption(hostOption())
    .addOption(jsonOption())
    .addHelpText(
      'after',
      '\nPoint the bot\'s callback URL at the printed address. With --json, every line is one JSON object:\n{"listening":url}, then {"part":{...}} or {"refused":{"status","reason"}}.\n',
    )
    .action(async (options: ListenOptions) => {
      const { runListen } = await import('../listen/run-listen.ts')
      await runListen(options, context.io)
    })
}
