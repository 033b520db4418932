import { WebhookError } from '../errors.ts'

/**
 * The one 404 `not_found` refusal, shared by the router, `urlKey` and the adapters, so a path
 * outside a mount, an unknown route and a wrong URL key cannot be told apart.
 *
 * @example
 * ```ts
 * if (belowMount(url, base) === undefined) return writeResponse(res, webhook.refuse(notFound()))
 * ```
 */
export function notFound(): WebhookError {
  return new WebhookError('not_found', 'No webhook route matches this path')
}

/**
 * The 413 `body_too_large` refusal for a body over `limit` bytes, from `handle`'s check,
 * `fetch`'s bounded read and an adapter that stops reading at the limit alike.
 *
 * @example
 * ```ts
 * if (size > webhook.maxBodyBytes) return webhook.refuse(bodyTooLarge(webhook.maxBodyBytes))
 * ```
 */
export function bodyTooLarge(limit: number): WebhookError {
  return new WebhookError('body_too_large', `The body exceeds maxBodyBytes (${limit} bytes)`)
}
