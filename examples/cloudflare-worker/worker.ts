import { createWebhook } from '@chathooks/core'
import { reply, telegram } from '@chathooks/core/telegram'
import { viber, welcome } from '@chathooks/core/viber'
import { webhookApp } from '@chathooks/hono'
import { type ExecutionContext, Hono } from 'hono'
import { getConnInfo } from 'hono/cloudflare-workers'

/** The Worker's bindings: secrets set with `wrangler secret put`, locally read by workerd.capnp. */
export interface Env {
  readonly TELEGRAM_SECRET_TOKEN?: string | null
  readonly VIBER_AUTH_TOKEN?: string | null
}

function createApp(env: Env): Hono {
  // The defaults are public: use them for local tries only.
  const telegramBot = createWebhook(
    telegram({ secretToken: env.TELEGRAM_SECRET_TOKEN ?? 'local-only-not-a-secret' }),
  ).on('message', ({ payload }) =>
    reply.sendMessage({
      chat_id: payload.message.chat.id,
      text: `You said: ${payload.message.text ?? '…'}`,
    }),
  )
  const viberBot = createWebhook(
    viber({ authToken: env.VIBER_AUTH_TOKEN ?? 'local-only-not-a-token' }),
  ).on('conversation_started', ({ payload }) =>
    welcome({ sender: { name: 'Worker bot' }, text: `Hi ${payload.user.name}!` }),
  )
  // getConnInfo reads CF-Connecting-IP, the client address an `ipAllowlist` would check.
  return new Hono()
    .route('/telegram', webhookApp(telegramBot, { getConnInfo }))
    .route('/viber', webhookApp(viberBot, { getConnInfo }))
}

// Bindings only arrive with a request, and are the same for every request of an isolate: the
// app is built on the first one and kept, so each webhook keys its secrets once and remembers
// the deliveries it saw for as long as the isolate lives. That memory is per isolate; with
// heavy traffic, share an IdempotencyStore of your own (KV, a Durable Object) for strict
// de-duplication across isolates.
let app: Hono | undefined

export default {
  fetch(request: Request, env: Env, ctx: ExecutionContext): Response | Promise<Response> {
    app ??= createApp(env)
    // Passing ctx lets ack-first work finish after the answer, through ctx.waitUntil.
    return app.fetch(request, env, ctx)
  },
}
