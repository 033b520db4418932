import { createWebhook } from '@chathooks/core'
import { createViberClient, viber, welcome } from '@chathooks/core/viber'
import { serve } from '@chathooks/node'

// The bot's auth token signs every callback and authorizes every API call. The default is
// public: use it for local tries only.
const authToken = process.env.VIBER_AUTH_TOKEN ?? 'local-only-not-a-token'
// Viber's API unless VIBER_API_URL names another, such as a stand-in for tests.
const client = createViberClient({ authToken, baseUrl: process.env.VIBER_API_URL })
const sender = { name: 'Welcome bot' }

const webhook = createWebhook(viber({ authToken }))
  // Someone opened the chat. The welcome is the one message Viber lets a bot send before the
  // user subscribes, and it can only travel in the answer to this callback.
  .on('conversation_started', ({ payload }) =>
    welcome({ sender, text: `Hi ${payload.user.name}! Send any message to subscribe.` }),
  )
  // Subscribed users are written to through the API, as aiohttp_viber's on_subscription does.
  // If the call fails, the handler throws: Viber is answered 500 and retries the callback.
  .on('subscribed', async ({ payload }) => {
    await client.sendMessage({
      receiver: payload.user.id,
      sender,
      text: `Thanks for subscribing, ${payload.user.name}!`,
    })
  })
  .onError((error, event) =>
    console.error(`the ${event?.name ?? 'incoming'} callback failed`, error),
  )

const server = await serve(
  { '/viber': webhook },
  { port: Number(process.env.PORT ?? 8080), host: process.env.HOST ?? '127.0.0.1' },
)
// With the public HTTPS origin the server is reached at, register the webhook: Viber checks the
// URL at once with a `webhook` callback, which the preset answers 200 on its own.
const publicUrl = process.env.PUBLIC_URL
if (publicUrl !== undefined) {
  await client.setWebhook({
    url: `${publicUrl}/viber`,
    event_types: ['conversation_started', 'subscribed', 'unsubscribed'],
  })
}
console.info(`listening on ${server.url}, Viber's webhook URL: <public origin>/viber`)

// close() lets requests in flight finish before the process exits.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void server.close())
