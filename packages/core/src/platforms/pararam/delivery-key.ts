import type { EventContext } from '../../platform.ts'
import type { WebhookRequest } from '../../request.ts'
import type { PararamAction, PararamBase } from './schema.ts'

/**
 * The idempotency key of a validated delivery. A post is `chat_id:post_no`. A click adds the
 * action, and the user and parameters too: two people clicking the same link, or one post's
 * two links with one action and different parameters, are two clicks, not a retry of one.
 */
export function deliveryKey(
  payload: unknown,
  _request: WebhookRequest,
  context: EventContext,
): string {
  const { chat_id, post_no } = payload as PararamBase
  if (context.name !== 'action') return `${chat_id}:${post_no}`
  const { action, user_id, params } = payload as PararamAction
  const query = new URLSearchParams(Object.entries(params).sort(byName)).toString()
  return `${chat_id}:${post_no}:${encodeURIComponent(action)}:${user_id}:${query}`
}

function byName(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0
}
