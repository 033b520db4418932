import { createWebhook } from '@chathooks/core'
import { reply, telegram } from '@chathooks/core/telegram'
import { serve } from '@chathooks/node'

// The `secret_token` given to setWebhook. The default is public: use it for local tries only.
const secretToken = process.env.TELEGRAM_SECRET_TOKEN ?? 'local-only-not-a-secret'

const webhook = createWebhook(telegram({ secretToken }))
  .on('message', ({ payload }) => {
    const { chat, message_id, text } = payload.message
    // A sticker or a photo has no text: returning nothing answers `200 {}`, and Telegram moves on.
    if (text === undefined) return undefined
    // The reply travels in the webhook's answer and Telegram makes the call itself: no API
    // round trip, and the bot token is not even needed here.
    return reply.sendMessage({
      chat_id: chat.id,
      text: text.startsWith('/start') ? 'Hi! Send me a message and I will send it back.' : text,
      reply_parameters: { message_id },
    })
  })
  .onError((error, event) => console.error(`the ${event?.name ?? 'incoming'} update failed`, error))

const server = await serve(
  { '/telegram': webhook },
  { port: Number(process.env.PORT ?? 8080), host: process.env.HOST ?? '127.0.0.1' },
)
console.info(`listening on ${server.url}, Telegram's webhook URL: <public origin>/telegram`)

// close() lets requests in flight finish before the process exits.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close())
