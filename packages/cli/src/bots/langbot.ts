import { type AnyWebhook, createWebhook } from '@chathooks/core'
import { httpBot, type Segment } from '@chathooks/core/langbot'
import { type BotOptions, reportFailure } from './report.ts'

export interface LangBotBotOptions extends BotOptions {
  /** Where the reply parts are POSTed: the caller's callback receiver. */
  readonly callbackUrl: string
  /** Signs the callbacks. Default: the inbound secret. */
  readonly outboundSecret?: string | undefined
}

/**
 * A bot behind LangBot's HTTP Bot protocol that answers each message in three parts (a
 * holding reply, the echo, and a final answer), each one a signed callback, and reports
 * resets.
 *
 * @throws TypeError from the preset when a secret is empty or `callbackUrl` is not http(s).
 * @example
 * ```ts
 * const webhook = langbotBot({ secret, report, callbackUrl: 'http://127.0.0.1:8081/' })
 * ```
 */
export function langbotBot(options: LangBotBotOptions): AnyWebhook {
  const { report } = options
  return createWebhook(
    httpBot({
      inboundSecret: options.secret,
      callbackUrl: options.callbackUrl,
      ...(options.outboundSecret === undefined ? {} : { outboundSecret: options.outboundSecret }),
    }),
  )
    .on('message', ({ payload, reply }) => {
      const text = plainText(payload.message)
      reply('Looking into it…')
      reply(`You wrote: ${text}`)
      report('message', `3 reply parts for ${payload.session_id}`)
      return `Ticket ${payload.session_id}: fixed, try again now.`
    })
    .on('reset', ({ payload }) => {
      report('reset', `forgot session ${payload.session_id}`)
    })
    .onError(reportFailure(report))
}

function plainText(message: readonly Segment[]): string {
  return message.map((segment) => (segment.type === 'Plain' ? segment.text : '')).join('')
}
