import { type AnyWebhook, createWebhook } from '@chathooks/core'
import { createViberClient, viber, welcome } from '@chathooks/core/viber'
import { type BotOptions, quoted, reportFailure } from './report.ts'

export interface ViberBotOptions extends BotOptions {
  /**
   * Where Viber's REST API is (`https://chatapi.viber.com/pa`): echoes are sent there with
   * `send_message`. Default none: the bot only reports the messages, as the demo runs offline.
   */
  readonly apiUrl?: string | undefined
}

const SENDER = { name: 'chathooks echo' }

/**
 * A Viber bot that answers `conversation_started` with a welcome message, greets subscribers,
 * and echoes text messages through `send_message` when it has an `apiUrl` (Viber reads no
 * reply to a message from the webhook's answer).
 *
 * @throws TypeError from the preset or the client when the auth token or `apiUrl` is invalid.
 * @example
 * ```ts
 * const webhook = viberBot({ secret, report, apiUrl: 'https://chatapi.viber.com/pa' })
 * ```
 */
export function viberBot({ secret, report, apiUrl }: ViberBotOptions): AnyWebhook {
  const client =
    apiUrl === undefined ? undefined : createViberClient({ authToken: secret, baseUrl: apiUrl })
  return createWebhook(viber({ authToken: secret }))
    .on('conversation_started', ({ payload }) => {
      const text = `Hi ${payload.user.name}! Say something.`
      report('conversation_started', `welcome message ${quoted(text)}`)
      return welcome({ sender: SENDER, text })
    })
    .on('subscribed', ({ payload }) => {
      report('subscribed', `new subscriber ${quoted(payload.user.name)}`)
    })
    .on('unsubscribed', ({ payload }) => {
      report('unsubscribed', `${payload.user_id} left`)
    })
    .on('message', async ({ payload }) => {
      const text = payload.message.text
      if (text === undefined) return report('message', `a ${payload.message.type} message`)
      if (client === undefined) {
        return report('message', `read ${quoted(text)} from ${payload.sender.name}`)
      }
      const echo = `You said: ${text}`
      try {
        await client.sendMessage({ receiver: payload.sender.id, sender: SENDER, text: echo })
        report('message', `send_message ${quoted(echo)}`)
      } catch (error) {
        // Answering 500 would only make Viber retry a callback an echo cannot fix.
        report('message', `send_message failed: ${(error as Error).message}`)
      }
    })
    .onError(reportFailure(report))
}
