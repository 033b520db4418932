import {
  type AnyWebhook,
  createWebhook,
  type GenericOptions,
  generic,
  timestampedSignature,
  urlKey,
  type Webhook,
} from '@chathooks/core'
import { LIMIT, NOW, SECRET, SIGNATURE_HEADER, TIMESTAMP_HEADER, URL_KEY } from './fixtures.ts'
import { createObserver, type Observations, type Observer } from './observer.ts'
import { presetMounts } from './preset-mounts.ts'
import { recorded } from './recorded.ts'

/** Webhooks by the path an adapter mounts each under; a preset's webhook is one more entry. */
export type ScenarioMounts = Readonly<Record<string, AnyWebhook>>

/** The webhooks the suite talks to, and what their handlers saw. */
export interface Scenario {
  readonly mounts: ScenarioMounts
  observations(): Observations
}

const stamped = timestampedSignature({
  header: SIGNATURE_HEADER,
  timestampHeader: TIMESTAMP_HEADER,
  prefix: 'sha256=',
  secret: SECRET,
  now: () => NOW,
})

const idempotencyKey = (payload: unknown) => {
  const id = (payload as { id?: unknown } | null)?.id
  return typeof id === 'string' ? id : undefined
}

/**
 * Builds a fresh scenario from core alone, so it bundles for and runs on any runtime: `/generic`
 * echoes each delivery (and fails when asked to), `/keyed` answers only below its URL key, on
 * `/:key` and `/:key/act`, `/ack-first` acknowledges at once and finishes when released or
 * closed, and `/probe` answers the observations (`{"command":"release"}` opens the gate first).
 * These verify the same timestamped signature; the preset mounts verify as their platforms do:
 * `/telegram` (bots on `/:token`), `/pararam` (`/{key}`, `/{key}/act`) and `/langbot` (`/`,
 * `/sync`, `/reset`). Every mount refuses bodies over `LIMIT` bytes.
 *
 * @example
 * ```ts
 * const scenario = createScenario()
 * const server = await serve(scenario.mounts, { port: 0 })
 * ```
 */
export function createScenario(): Scenario {
  const observer = createObserver()
  const options = { maxBodyBytes: LIMIT, logger: observer.logger }
  const create = (platform: Partial<GenericOptions>, respond?: 'ack-first') =>
    createWebhook(generic({ verify: stamped, ...platform }), {
      ...options,
      ...(respond === undefined ? {} : { respond }),
    })
  const mounts: ScenarioMounts = {
    '/generic': echo('/generic', create({ idempotencyKey }), observer),
    '/keyed': echo(
      '/keyed',
      create({ verify: [urlKey({ key: URL_KEY }), stamped], routes: ['/:key', '/:key/act'] }),
      observer,
    ),
    '/ack-first': closeReleases(
      create({ idempotencyKey }, 'ack-first').on('*', () => observer.gated()),
      observer,
    ),
    '/probe': create({}).on('*', async ({ payload }) => {
      if ((payload as { command?: unknown } | null)?.command === 'release') await observer.release()
      return observer.observations()
    }),
    ...presetMounts(observer, options),
  }
  return { mounts, observations: observer.observations }
}

/** Records each delivery and answers `{ received: payload, url }`; `"fail": true` throws. */
function echo(mount: string, webhook: Webhook, observer: Observer): Webhook {
  return recorded(mount, webhook, observer).on('*', ({ payload, request }) => {
    if ((payload as { fail?: unknown } | null)?.fail === true) {
      throw new Error('the handler failed, as the delivery asked')
    }
    return { received: payload, url: request.url }
  })
}

/**
 * The same webhook, except that closing it opens the gate its handlers wait at: work started
 * before `close()` can only finish during it, so an adapter that never drains the webhook, or
 * reports before the drain ends, is caught.
 */
function closeReleases(webhook: Webhook, observer: Observer): Webhook {
  const close = () => {
    void observer.release()
    return webhook.close()
  }
  return new Proxy(webhook, {
    get(target, key) {
      if (key === 'close') return close
      const value: unknown = Reflect.get(target, key, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
}
