import { createWebhook, generic, hmacSignature } from '@chathooks/core'
import { request, sign } from '@chathooks/core/testing'

export const secret = 'bench-secret-0123456789abcdef'

/** A 1 KB Telegram-like update: the size DESIGN.md's figures are quoted for. */
export const body = JSON.stringify({
  update_id: 918273645,
  message: {
    message_id: 42,
    from: { id: 123456789, is_bot: false, first_name: 'Ana' },
    chat: { id: 123456789, type: 'private' },
    date: 1718000000,
    text: 'x'.repeat(840),
  },
})

export const signature = await sign(body, { secret, prefix: 'sha256=' })

export const signedRequest = request({
  body,
  headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
})

/** What the bench webhook's handler answers. */
export const reply = { method: 'sendMessage', chat_id: 1, text: 'ok' }

/** A webhook whose one handler answers, so every stage of the pipeline runs. */
export function benchWebhook() {
  const webhook = createWebhook(
    generic({
      verify: hmacSignature({ header: 'X-Hub-Signature-256', prefix: 'sha256=', secret }),
    }),
  )
  return webhook.on('*', () => reply)
}
