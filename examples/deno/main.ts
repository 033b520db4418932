import { createWebhook } from '@chathooks/core'
import { pararam } from '@chathooks/core/pararam'
import { reply, telegram } from '@chathooks/core/telegram'

// Secrets from the environment. The defaults are public: use them for local tries only.
const telegramBot = createWebhook(
  telegram({ secretToken: Deno.env.get('TELEGRAM_SECRET_TOKEN') ?? 'local-only-not-a-secret' }),
).on('message', ({ payload }) =>
  reply.sendMessage({
    chat_id: payload.message.chat.id,
    text: `You said: ${payload.message.text}`,
  }),
)

const pararamBot = createWebhook(
  pararam({ secret: Deno.env.get('PARARAM_BOT_SECRET') ?? 'local-only-not-a-secret' }),
).on('message', ({ payload }) => `@${payload.user_unique_name} said: ${payload.text}`)

// Each webhook by the path it is mounted at; everything below the path is its own (pararam
// has two routes below its URL key).
const mounts = { '/telegram': telegramBot, '/pararam': pararamBot }

const server = Deno.serve(
  {
    hostname: Deno.env.get('HOST') ?? '127.0.0.1',
    port: Number(Deno.env.get('PORT') ?? 8080),
    onListen: ({ hostname, port }) => console.info(`listening on http://${hostname}:${port}`),
  },
  (request, info) => {
    const { pathname } = new URL(request.url)
    for (const [basePath, webhook] of Object.entries(mounts)) {
      if (pathname === basePath || pathname.startsWith(`${basePath}/`)) {
        // `remoteAddress` is what an `ipAllowlist` would check.
        return webhook.fetch(request, { basePath, remoteAddress: info.remoteAddr.hostname })
      }
    }
    return Response.json(
      { error: 'not_found', message: 'Nothing is mounted here' },
      { status: 404 },
    )
  },
)

// Stop accepting, let requests in flight finish, then let the webhooks drain their work.
Deno.addSignalListener('SIGTERM', async () => {
  await server.shutdown()
  await Promise.all([telegramBot.close(), pararamBot.close()])
  Deno.exit(0)
})
