import { WebhookError } from '../errors.ts'

/** The one 404 answer, shared by the router and `urlKey` so they cannot be told apart. */
export function notFound(): WebhookError {
  return new WebhookError('not_found', 'No webhook route matches this path')
}

/** The 413 answer, from `handle`'s check and from `fetch`'s bounded read alike. */
export function bodyTooLarge(limit: number): WebhookError {
  return new WebhookError('body_too_large', `The body exceeds maxBodyBytes (${limit} bytes)`)
}
