import type { AnyWebhook } from '@chathooks/core'
import { serve } from '@chathooks/node'
import { clustaarBot } from '../bots/clustaar.ts'
import { langbotBot } from '../bots/langbot.ts'
import { pararamBot } from '../bots/pararam.ts'
import type { Report } from '../bots/report.ts'
import { telegramBot } from '../bots/telegram.ts'
import { viberBot } from '../bots/viber.ts'
import { CliError } from '../cli-error.ts'
import { statusStyle } from '../commands/print-answer.ts'
import type { ServeOptions } from '../commands/serve.ts'
import { toHttpUrl } from '../http/url.ts'
import type { Io } from '../io.ts'
import { listenOn } from '../listen/receiver.ts'
import { observe, refusalOf } from '../observe.ts'
import { createOutput } from '../output.ts'
import type { PlatformName } from '../platforms/index.ts'

/**
 * `chathooks serve <platform>`: the platform's echo bot on `@chathooks/node`, printing a line
 * per handler action and per answer (never a path: pararam's holds its URL key), until the
 * process is told to stop.
 *
 * @throws CliError `bad_secret` when the preset refuses the secret, `usage` for a missing or
 *   malformed URL option, `listen_failed` when the port is taken.
 * @example
 * ```ts
 * await serveBot('telegram', { secret, port: 8080, host: '127.0.0.1' }, processIo())
 * ```
 */
export async function serveBot(name: PlatformName, options: ServeOptions, io: Io): Promise<void> {
  const output = createOutput(io, { json: options.json === true })
  const { paint } = output
  const report: Report = (event, did) =>
    output.json ? output.value({ event, did }) : output.line(`${paint.cyan(event)}  ${did}`)
  // Paths are not printed: pararam's holds its URL key, a part of the secret.
  const bot = observe(createBot(name, options, report), (response) => {
    const { status } = response
    const reason = status < 400 ? undefined : refusalOf(status, response.body)
    if (output.json) output.value(reason === undefined ? { status } : { status, refused: reason })
    else
      output.line(
        statusStyle(paint, status)(`← ${status}${reason === undefined ? '' : ` ${reason}`}`),
      )
  })
  const server = await listenOn(
    () => serve(bot, { port: options.port, host: options.host }),
    options,
  )
  // Ready to stop before saying it listens: a script may stop it as soon as it reads that.
  const stopped = io.stopped()
  if (output.json) output.value({ listening: server.url, platform: name })
  else output.line(`${name} echo bot on ${paint.bold(`${server.url}/`)} (Ctrl-C stops)`)
  await stopped
  await server.close()
}

function createBot(name: PlatformName, options: ServeOptions, report: Report): AnyWebhook {
  const { secret } = options
  try {
    switch (name) {
      case 'telegram':
        return telegramBot({ secret, report })
      case 'viber':
        return viberBot({ secret, report, apiUrl: checked('--api-url', options.apiUrl) })
      case 'pararam':
        return pararamBot({ secret, report })
      case 'clustaar':
        return clustaarBot({ secret, report })
      case 'langbot':
        if (options.callbackUrl === undefined) {
          throw new CliError('usage', 'serve langbot needs --callback-url, where reply parts go')
        }
        return langbotBot({
          secret,
          report,
          callbackUrl: toHttpUrl('--callback-url', options.callbackUrl).href,
          outboundSecret: options.outboundSecret,
        })
    }
  } catch (error) {
    // A preset refusing its secret names the option, never the value.
    if (error instanceof TypeError) throw new CliError('bad_secret', error.message)
    throw error
  }
}

function checked(option: string, url: string | undefined): string | undefined {
  return url === undefined ? undefined : toHttpUrl(option, url).href.replace(/\/$/, '')
}
