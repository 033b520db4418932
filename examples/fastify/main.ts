import { createBots } from '@chathooks/examples-shared/bots'
import chathooks from '@chathooks/fastify'
import Fastify from 'fastify'

// The five bots every framework example mounts (../shared/bots.ts): plain webhooks that know
// nothing of the framework, with their secrets from the environment.
const bots = createBots(process.env)

const app = Fastify()

// Each webhook below its own prefix; every method and sub-path there is the webhook's, so
// pararam's `/<url key>/act` and LangBot's `/sync` reach it too. The plugin reads raw bytes in
// its own encapsulated context only: the app's JSON parser is unchanged for its other routes.
await app.register(chathooks, { webhook: bots.telegram, prefix: '/telegram' })
await app.register(chathooks, { webhook: bots.viber, prefix: '/viber' })
await app.register(chathooks, { webhook: bots.pararam, prefix: '/pararam' })
await app.register(chathooks, { webhook: bots.clustaar, prefix: '/clustaar' })
await app.register(chathooks, { webhook: bots.langbot, prefix: '/langbot' })

app.get('/health', async () => ({ ok: true }))

// Once the server stopped, the webhooks drain their work (the LangBot bot's queued reply parts).
app.addHook('onClose', async () => {
  await Promise.all(Object.values(bots).map((bot) => bot.close()))
})

const address = await app.listen({
  host: process.env.HOST ?? '127.0.0.1',
  port: Number(process.env.PORT ?? 8080),
})
console.info(`listening on ${address}`)

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void app.close())
