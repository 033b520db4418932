import { createBots } from '@chathooks/examples-shared/bots'
import { webhookApp } from '@chathooks/hono'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

// The five bots every framework example mounts (../shared/bots.ts): plain webhooks that know
// nothing of the framework, with their secrets from the environment.
const bots = createBots(process.env)

// Each webhook below its own path; every method and sub-path there is the webhook's, so
// pararam's `/<url key>/act` and LangBot's `/sync` reach it too. The rest of the app is as it was.
const app = new Hono()
  .route('/telegram', webhookApp(bots.telegram))
  .route('/viber', webhookApp(bots.viber))
  .route('/pararam', webhookApp(bots.pararam))
  .route('/clustaar', webhookApp(bots.clustaar))
  .route('/langbot', webhookApp(bots.langbot))
  .get('/health', (c) => c.json({ ok: true }))

const server = serve(
  {
    fetch: app.fetch,
    hostname: process.env.HOST ?? '127.0.0.1',
    port: Number(process.env.PORT ?? 8080),
  },
  (info) => console.info(`listening on http://${info.address}:${info.port}`),
)

// Stop accepting, let requests in flight finish, then let the webhooks drain their work (the
// LangBot bot's reply parts still queued).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => void Promise.all(Object.values(bots).map((bot) => bot.close())))
  })
}
