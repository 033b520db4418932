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
 * The 500 `body_already_parsed` refusal: something read the body before the webhook saw it,
 * and the exact bytes the signature covers are gone. A setup mistake, so the message says how
 * to fix it.
 */
export function bodyAlreadyParsed(): WebhookError {
  return new WebhookError(
    'body_already_parsed',
    'The request body was read before the webhook saw it; mount the webhook before any body parser or middleware that reads the body, or pass the raw bytes as a Uint8Array',
  )
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
