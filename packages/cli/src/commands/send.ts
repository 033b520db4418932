import { type Command, Option } from 'commander'
import { buildSample } from '../build-sample.ts'
import { readDataFile } from '../data-file.ts'
import { type Answer, sendRequest } from '../http/send-request.ts'
import { toHttpUrl } from '../http/url.ts'
import { createOutput } from '../output.ts'
import {
  eventList,
  findEvent,
  findPlatform,
  PLATFORM_NAMES,
  PLATFORMS,
} from '../platforms/index.ts'
import { loadCheck } from './load-check.ts'
import { type CommandContext, integer, jsonOption, seconds, secretOption, wrap } from './options.ts'
import { printAnswer } from './print-answer.ts'

interface SendOptions {
  readonly url: string
  readonly secret: string
  readonly data?: string
  readonly tamper?: boolean
  readonly unsigned?: boolean
  readonly age?: number
  readonly repeat: number
  readonly concurrency: number
  readonly timeout: number
  readonly json?: boolean
}

const EVENTS = PLATFORMS.map(
  (platform) => `  ${wrap(`${platform.name}: ${eventList(platform)}`, 4)}`,
)
  .concat("  (the platform's own names work too: edited_message, conversation_started...)")
  .join('\n')

/** `chathooks send <platform> <event>`: one signed sample delivery, or a quick load check. */
export function registerSend(program: Command, context: CommandContext): void {
  program
    .command('send')
    .description('build a signed sample delivery of an event and send it to a webhook')
    .argument('<platform>', `one of ${PLATFORM_NAMES.join(', ')}`)
    .argument('<event>', "the event, by its sample builder's name or the platform's own")
    .requiredOption('--url <url>', 'where the webhook is mounted, e.g. http://127.0.0.1:8080/viber')
    .addOption(secretOption("the platform's secret"))
    .option(
      '--data <file>',
      "a JSON object of the event's fields, as the sample builder names them",
    )
    .option('--tamper', 'change one byte after signing, as a forger would')
    .option('--unsigned', 'leave the signature out')
    .addOption(new Option('--age <seconds>', 'sign as if sent that long ago').argParser(seconds))
    .addOption(new Option('--repeat <n>', 'send it n times').argParser(integer(1)).default(1))
    .addOption(
      new Option('--concurrency <c>', 'requests in flight at once')
        .argParser(integer(1))
        .default(1),
    )
    .addOption(
      new Option('--timeout <ms>', 'how long to wait for each answer')
        .argParser(integer(1))
        .default(10_000),
    )
    .addOption(jsonOption())
    .addHelpText('after', `\nEvents:\n${EVENTS}\n`)
    .action(async (platformName: string, eventName: string, options: SendOptions) => {
      context.exitCode = await send(platformName, eventName, options, context)
    })
}

async function send(
  platformName: string,
  eventName: string,
  options: SendOptions,
  context: CommandContext,
): Promise<number> {
  const platform = findPlatform(platformName)
  const event = findEvent(platform, eventName)
  const url = toHttpUrl('--url', options.url)
  const fields = options.data === undefined ? {} : await readDataFile(options.data, platform)
  const output = createOutput(context.io, { json: options.json === true })
  const build = () =>
    buildSample(event, {
      ...fields,
      secret: options.secret,
      tamper: options.tamper === true,
      unsigned: options.unsigned === true,
      ...(options.age === undefined ? {} : { age: options.age }),
    })
  const once = async (): Promise<Answer> =>
    sendRequest(url, await build(), { timeoutMs: options.timeout })
  if (options.repeat === 1) {
    printAnswer(output, { platform: platform.name, event: event.name }, await once())
    return 0
  }
  return loadCheck(output, context.io, {
    total: options.repeat,
    concurrency: options.concurrency,
    send: once,
  })
}
