import type { AnyWebhook, WebhookRequest, WebhookResponse } from '@chathooks/core'

/** Told of every answer a webhook gives; `request` is absent for an adapter's own refusal. */
export type AnswerListener = (response: WebhookResponse, request?: WebhookRequest) => void

/**
 * The webhook as it is, telling `listener` of each answer `handle` gives and each refusal
 * the Node adapter makes (a body over the limit), so a server command can print a line per
 * request. `fetch` is passed through unobserved: the CLI serves with `@chathooks/node`.
 *
 * @example
 * ```ts
 * await serve(observe(webhook, (response) => console.log(response.status)), { port: 8080 })
 * ```
 */
export function observe(webhook: AnyWebhook, listener: AnswerListener): AnyWebhook {
  return {
    maxBodyBytes: webhook.maxBodyBytes,
    async handle(request, options) {
      const response = await webhook.handle(request, options)
      listener(response, request)
      return response
    },
    fetch: (request, options) => webhook.fetch(request, options),
    refuse(error) {
      const response = webhook.refuse(error)
      listener(response)
      return response
    },
    close: () => webhook.close(),
  }
}

const decoder = new TextDecoder()

/**
 * Why a webhook refused a request, from its answer: core's `{ error }` code, or LangBot's
 * `{ code, msg }` envelope; the status alone when the body says nothing readable.
 *
 * @example
 * ```ts
 * refusalOf(401, '{"error":"signature_invalid","message":"..."}') // 'signature_invalid'
 * ```
 */
export function refusalOf(status: number, body: string | Uint8Array): string {
  const text = typeof body === 'string' ? body : decoder.decode(body)
  try {
    const json = JSON.parse(text) as { error?: unknown; code?: unknown; msg?: unknown }
    if (typeof json.error === 'string') return json.error
    if (typeof json.code === 'number' && typeof json.msg === 'string') {
      return `${json.code} ${json.msg}`
    }
  } catch {
    // Not JSON: the status is all there is to say.
  }
  return `status ${status}`
}
