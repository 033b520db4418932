import { type AnyWebhook, createWebhook } from '@chathooks/core'
import { reply, telegram } from '@chathooks/core/telegram'
import { type BotOptions, quoted, reportFailure } from './report.ts'

/**
 * A Telegram bot that welcomes `/start` with a vote keyboard, echoes every other text, and
 * thanks for each vote, all as Bot API calls in the webhook's answer.
 *
 * @throws TypeError from the preset when the secret token is not Telegram's alphabet.
 * @example
 * ```ts
 * const webhook = telegramBot({ secret, report: (event, did) => console.log(event, did) })
 * ```
 */
export function telegramBot({ secret, report }: BotOptions): AnyWebhook {
  return createWebhook(telegram({ secretToken: secret }))
    .on('message', ({ payload }) => {
      const { chat, text } = payload.message
      if (text === undefined) return undefined
      if (text.startsWith('/start')) {
        report('message', 'sendMessage: a welcome with 2 vote buttons')
        return reply.sendMessage({
          chat_id: chat.id,
          text: 'Welcome! Do you like it here?',
          reply_markup: {
            inline_keyboard: [
              [
                { text: 'Yes', callback_data: 'vote:yes' },
                { text: 'No', callback_data: 'vote:no' },
              ],
            ],
          },
        })
      }
      report('message', `sendMessage ${quoted(`You said: ${text}`)}`)
      return reply.sendMessage({ chat_id: chat.id, text: `You said: ${text}` })
    })
    .on('callback_query', ({ payload }) => {
      const vote = (payload.callback_query.data ?? '').replace(/^vote:/, '')
      report('callback_query', `answerCallbackQuery ${quoted(`Thanks for voting ${vote}`)}`)
      return reply.answerCallbackQuery({
        callback_query_id: payload.callback_query.id,
        text: `Thanks for voting ${vote}`,
      })
    })
    .onError(reportFailure(report))
}
