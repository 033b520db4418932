import { createWebhook } from '@chathooks/core'
import { callbackReceiver, createHttpBotClient, httpBot } from '@chathooks/core/langbot'
import { langbot } from '@chathooks/core/testing'

const INBOUND = 'runtime-inbound'
const OUTBOUND = 'runtime-outbound'

/**
 * Both ends and the client in one process, wired by `fetch` options instead of sockets (a
 * worker cannot call itself), so every runtime runs the same signing, queue, retry timers and
 * `close()`; the receiver's first answer is a 500, which the bot end must retry.
 */
export async function runScenario(): Promise<Record<string, unknown>> {
  const parts: string[] = []
  let attempts = 0
  const receiver = createWebhook(callbackReceiver({ secret: OUTBOUND })).on(
    'reply',
    ({ payload }) => {
      const text = payload.message.map((s) => (s.type === 'Plain' ? s.text : '')).join('')
      parts.push(
        `${payload.session_id}#${payload.sequence}${payload.is_final ? ' final' : ''}: ${text}`,
      )
    },
  )
  const toReceiver: typeof fetch = async (input, init) => {
    attempts++
    if (attempts === 1) return new Response(null, { status: 500 })
    return receiver.fetch(new Request(input, init))
  }
  const bot = createWebhook(
    httpBot({
      inboundSecret: INBOUND,
      outboundSecret: OUTBOUND,
      callbackUrl: 'https://receiver.example/callback',
      fetch: toReceiver,
      retryDelayMs: 1,
      maxRetryDelayMs: 2,
    }),
  ).on('message', ({ payload, reply }) => {
    reply(`looking at ${payload.session_id}`)
    return 'fixed'
  })
  const client = createHttpBotClient({
    url: 'https://bot.example/',
    secret: INBOUND,
    fetch: async (input, init) => bot.fetch(new Request(input, init)),
  })
  const pushed = await client.push('s-1', 'Export fails', { idempotencyKey: 'once' })
  const repeated = await client.push('s-1', 'Export fails', { idempotencyKey: 'once' })
  const synced = await client.sync('s-2', 'Quick question')
  const reset = await client.reset('s-1')
  const tampered = await bot.handle(await langbot.push({ secret: INBOUND, tamper: true }))
  await bot.close()
  return {
    push: [
      pushed.status,
      pushed.code,
      /^in_[0-9a-f]{32}$/.test(pushed.data?.accepted_message_id ?? ''),
    ],
    repeat: [repeated.status, repeated.code],
    sync: [synced.status, synced.data?.message],
    reset: [reset.status, reset.data?.removed],
    tampered: [tampered.status, JSON.parse(String(tampered.body)).code],
    parts,
    attempts,
  }
}
