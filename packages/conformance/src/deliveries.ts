import type { WebhookRequest } from '@chathooks/core'
import { request, sign, tamper } from '@chathooks/core/testing'
import { NOW, SECRET, SIGNATURE_HEADER, TIMESTAMP_HEADER } from './fixtures.ts'

export interface DeliveryInit {
  /** The path from the server's origin, mount included, e.g. `/generic` or `/keyed/k/act`. */
  readonly url: string
  /** Default `'POST'`. */
  readonly method?: string
  /** Seconds before the scenario's clock it was signed at; negative is the future. Default 0. */
  readonly age?: number
  /** Changes one byte of the body after signing. */
  readonly tamper?: boolean
  /** Leaves the signature out (the timestamp stays). */
  readonly unsigned?: boolean
}

/**
 * A delivery for a scenario mount, signed over its exact bytes with the scenario's secret and
 * clock, built with `@chathooks/core/testing`.
 *
 * @example
 * ```ts
 * const replayed = await delivery(BODIES.compact, { url: '/generic', age: 301 })
 * ```
 */
export async function delivery(
  body: string | Uint8Array,
  init: DeliveryInit,
): Promise<WebhookRequest> {
  const timestamp = String(NOW / 1000 - (init.age ?? 0))
  const signed = request({ url: init.url, body, method: init.method ?? 'POST' })
  const signature = await sign([timestamp, '.', signed.body], { secret: SECRET, prefix: 'sha256=' })
  return {
    ...signed,
    headers: {
      'content-type': 'application/json',
      [TIMESTAMP_HEADER]: timestamp,
      ...(init.unsigned === true ? {} : { [SIGNATURE_HEADER]: signature }),
    },
    body: init.tamper === true ? tamper(signed.body) : signed.body,
  }
}

/**
 * A signed command for the `/probe` mount: `observe` answers the observations, `release` opens
 * the gate the ack-first handlers wait at and answers once they finished.
 *
 * @example
 * ```ts
 * const observations = await (await fetch(toRequest(await probe('observe'), origin))).json()
 * ```
 */
export function probe(command: 'observe' | 'release'): Promise<WebhookRequest> {
  return delivery(`{"command":"${command}"}`, { url: '/probe' })
}
