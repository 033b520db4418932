import type { Command } from 'commander'
import { CliError } from '../cli-error.ts'
import { curlLine } from '../curl.ts'
import { joinUrl, toHttpUrl } from '../http/url.ts'
import { createOutput, type Output } from '../output.ts'
import { type CliPlatform, findPlatform, PLATFORM_NAMES } from '../platforms/index.ts'
import { type CommandContext, jsonOption, secretOption } from './options.ts'
import { readStdin } from './read-stdin.ts'

interface SignOptions {
  readonly secret: string
  readonly curl?: boolean
  readonly url?: string
  readonly path?: string
  readonly json?: boolean
}

/** `chathooks sign <platform>`: the signature headers for the exact bytes on stdin. */
export function registerSign(program: Command, context: CommandContext): void {
  program
    .command('sign')
    .description('print the headers that sign the exact body on stdin, or a whole curl line')
    .argument('<platform>', `one of ${PLATFORM_NAMES.join(', ')}`)
    .addOption(secretOption("the platform's secret"))
    .option('--curl', 'print a curl command that sends the body, signed, to --url')
    .option('--url <url>', 'where the webhook is mounted, for --curl')
    .option('--path <path>', "the path below --url (default: the platform's message route)")
    .addOption(jsonOption())
    .addHelpText(
      'after',
      '\nExample:\n  chathooks sign viber --secret "$VIBER_AUTH_TOKEN" --curl --url http://127.0.0.1:8080/viber < body.json | sh\n',
    )
    .action(async (platformName: string, options: SignOptions) => {
      await sign(findPlatform(platformName), options, context)
    })
}

async function sign(platform: CliPlatform, options: SignOptions, context: CommandContext) {
  if (options.curl === true && options.url === undefined) {
    throw new CliError('usage', '--curl needs --url, where the webhook is mounted')
  }
  const base = options.url === undefined ? undefined : toHttpUrl('--url', options.url)
  const path = options.path ?? (await platform.path(options.secret))
  if (!path.startsWith('/')) throw new CliError('usage', '--path must start with "/"')
  const body = await readStdin(context.io.stdin, `chathooks sign ${platform.name} ... < body.json`)
  const signedAt = Date.now()
  const headers = await platform.sign(body, options.secret, signedAt)
  const url = base === undefined ? undefined : joinUrl(base, path).href
  const curl =
    url === undefined
      ? undefined
      : curlLine({ url, headers: { 'content-type': 'application/json', ...headers }, body })
  const output = createOutput(context.io, { json: options.json === true })
  const expires =
    platform.windowSeconds === undefined ? undefined : signedAt + platform.windowSeconds * 1000
  if (output.json) {
    output.value({
      platform: platform.name,
      headers,
      path,
      ...(url === undefined ? {} : { url }),
      ...(curl === undefined ? {} : { curl }),
      expiresAt: expires === undefined ? null : new Date(expires).toISOString(),
    })
    return
  }
  if (options.curl === true) output.line(curl)
  else for (const [name, value] of Object.entries(headers)) output.line(`${name}: ${value}`)
  printWindow(output, platform, expires)
}

function printWindow(output: Output, platform: CliPlatform, expires: number | undefined): void {
  if (expires === undefined) return
  output.note(
    output.paintErr.yellow(
      `${platform.title} accepts this signature for ${platform.windowSeconds} s, until ${new Date(expires).toISOString()}`,
    ),
  )
}
