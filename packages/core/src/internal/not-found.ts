import { WebhookError } from '../errors.ts'

/** The one 404 answer, shared by the router and `urlKey` so they cannot be told apart. */
export function notFound(): WebhookError {
  return new WebhookError('not_found', 'No webhook route matches this path')
}
