import type { EventMap, Webhook } from '@chathooks/core'
import type { Observer } from './observer.ts'

/** The same webhook, recording each delivery before its own handlers answer it, and each failure. */
export function recorded<Events extends EventMap, Reply, Helpers extends object>(
  mount: string,
  webhook: Webhook<Events, Reply, Helpers>,
  observer: Observer,
): Webhook<Events, Reply, Helpers> {
  return webhook
    .on('*', ({ request }) => void observer.delivered(mount, request))
    .onError((error, event) => observer.failed(mount, error, event))
}
