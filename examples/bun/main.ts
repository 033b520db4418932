import { createWebhook } from '@chathooks/core'
import { pararam } from '@chathooks/core/pararam'
import { reply, telegram } from '@chathooks/core/telegram'

// Secrets from the environment. The defaults are public: use them for local tries only.
const telegramBot = createWebhook(
  telegram({ secretToken: process.env.TELEGRAM_SECRET_TOKEN ?? 'local-only-not-a-secret' }),
).on('message', ({ payload }) =>
  reply.sendMessage({
    chat_id: payload.message.chat.id,
    text: `You said: ${payload.message.text}`,
  }),
)

const pararamBot = createWebhook(
  pararam({ secret: process.env.PARARAM_BOT_SECRET ?? 'local-only-not-a-secret' }),
).on('message', ({ payload }) => `@${payload.user_unique_name} said: ${payload.text}`)

const server = Bun.serve({
  hostname: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 8080),
  // `basePath` is the mount point: the webhook routes what follows it (pararam has two routes
  // below its URL key). `remoteAddress` is what an `ipAllowlist` would check.
  routes: {
    '/telegram': (request, server) =>
      telegramBot.fetch(request, {
        basePath: '/telegram',
        remoteAddress: server.requestIP(request)?.address,
      }),
    '/pararam/*': (request, server) =>
      pararamBot.fetch(request, {
        basePath: '/pararam',
        remoteAddress: server.requestIP(request)?.address,
      }),
  },
  fetch: () =>
    Response.json({ error: 'not_found', message: 'Nothing is mounted here' }, { status: 404 }),
})
console.info(`listening on ${server.url.origin}`)

// Stop accepting, let requests in flight finish, then let the webhooks drain their work.
process.once('SIGTERM', async () => {
  await server.stop()
  await Promise.all([telegramBot.close(), pararamBot.close()])
})
