import type { WebhookRequest } from '../../request.ts'
import type { PararamAction, PararamBase } from './schema.ts'

/**
 * The idempotency key of a validated delivery. A post is `chat_id:post_no`. A click adds the
 * action, and the user and parameters too: two people clicking the same link, or one post's
 * two links with one action and different parameters, are two clicks, not a retry of one.
 */
export function deliveryKey(payload: unknown, request: WebhookRequest): string {
  const { chat_id, post_no } = payload as PararamBase
  if (!isActionPath(request.url)) return `${chat_id}:${post_no}`
  const { action, user_id, params } = payload as PararamAction
  const query = new URLSearchParams(Object.entries(params).sort(byName)).toString()
  return `${chat_id}:${post_no}:${encodeURIComponent(action)}:${user_id}:${query}`
}

/** Whether the router matched `/:key/act`: two segments, whatever the key spells. */
function isActionPath(url: string): boolean {
  const mark = url.indexOf('?')
  const path = mark < 0 ? url : url.slice(0, mark)
  const trimmed = path.endsWith('/') ? path.slice(1, -1) : path.slice(1)
  return trimmed.split('/').length === 2
}

function byName(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
}
