import type { AddressInfo } from 'node:net'
import { createBots } from '@chathooks/examples-shared/bots'
import { webhookMiddleware } from '@chathooks/express'
import express from 'express'

// The five bots every framework example mounts (../shared/bots.ts): plain webhooks that know
// nothing of the framework, with their secrets from the environment.
const bots = createBots(process.env)

const app = express()

// Each webhook below its own path. They read the raw body themselves, to verify the exact bytes
// received, so they come before any body parser.
app.use('/telegram', webhookMiddleware(bots.telegram))
app.use('/viber', webhookMiddleware(bots.viber))
app.use('/pararam', webhookMiddleware(bots.pararam))
app.use('/clustaar', webhookMiddleware(bots.clustaar))
app.use('/langbot', webhookMiddleware(bots.langbot))

// The rest of the app is as it was, its JSON parser included.
app.use(express.json())
app.get('/health', (_request, response) => {
  response.json({ ok: true })
})

const host = process.env.HOST ?? '127.0.0.1'
const server = app.listen(Number(process.env.PORT ?? 8080), host, (error) => {
  if (error) throw error
  console.info(`listening on http://${host}:${(server.address() as AddressInfo).port}`)
})

// Stop accepting, let requests in flight finish, then let the webhooks drain their work (the
// LangBot bot's reply parts still queued).
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    server.close(() => void Promise.all(Object.values(bots).map((bot) => bot.close())))
  })
}
