import type { Command } from 'commander'
import { findPlatform, PLATFORM_NAMES } from '../platforms/index.ts'
import { type CommandContext, hostOption, jsonOption, portOption, secretOption } from './options.ts'

/** The options of `chathooks serve`. */
export interface ServeOptions {
  readonly secret: string
  readonly port: number
  readonly host: string
  readonly callbackUrl?: string
  readonly outboundSecret?: string
  readonly apiUrl?: string
  readonly json?: boolean
}

/** `chathooks serve <platform>`: an echo bot, for a real platform or a tunnel to call. */
export function registerServe(program: Command, context: CommandContext): void {
  program
    .command('serve')
    .description('run an echo bot for a platform, to point the platform or a tunnel at')
    .argument('<platform>', `one of ${PLATFORM_NAMES.join(', ')}`)
    .addOption(secretOption("the platform's secret"))
    .addOption(portOption(8080))
    .addOption(hostOption())
    .option('--callback-url <url>', 'langbot: where reply parts go (e.g. `chathooks listen`)')
    .option('--outbound-secret <secret>', 'langbot: signs the callbacks (default: --secret)')
    .option('--api-url <url>', 'viber: the REST API echoes are sent to (default: none, no echo)')
    .addOption(jsonOption())
    .action(async (platformName: string, options: ServeOptions) => {
      const { serveBot } = await import('../serve/serve-bot.ts')
      await serveBot(findPlatform(platformName).name, options, context.io)
    })
}
