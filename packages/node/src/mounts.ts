import type { AnyWebhook } from '@chathooks/core'
import { belowMount, toMountPath } from '@chathooks/core/adapter'
import { type NodeHandler, nodeHandler } from './node-handler.ts'

/** Webhooks by the path each is mounted under. */
export type Mounts = Readonly<Record<string, AnyWebhook>>

/** A webhook with its mount path and the handler that serves it there. */
export interface Mount {
  readonly path: string
  readonly webhook: AnyWebhook
  readonly handler: NodeHandler
}

/**
 * Prepares one webhook (mounted at `/`) or several, longest path first so `/a/b` wins over
 * `/a` for the paths below both.
 *
 * @throws TypeError when there is no mount, a path does not start with `/`, or a value is not a
 *   webhook.
 */
export function toMounts(webhooks: AnyWebhook | Mounts): readonly Mount[] {
  const entries = isWebhook(webhooks) ? [['/', webhooks] as const] : Object.entries(webhooks)
  if (entries.length === 0) throw new TypeError('serve: give a webhook or at least one mount')
  return entries
    .map(([key, webhook]) => {
      const path = toMountPath('serve', `mount "${key}"`, key)
      if (!isWebhook(webhook)) throw new TypeError(`serve: mount "${key}" is not a webhook`)
      return { path, webhook, handler: nodeHandler(webhook, { basePath: key }) }
    })
    .sort((a, b) => b.path.length - a.path.length)
}

/** The mount a request url falls under, if any. */
export function findMount(mounts: readonly Mount[], url: string): Mount | undefined {
  return mounts.find(({ path }) => belowMount(url, path) !== undefined)
}

function isWebhook(value: unknown): value is AnyWebhook {
  return typeof (value as Partial<AnyWebhook> | null)?.handle === 'function'
}
