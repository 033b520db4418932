import { utf8 } from '../crypto/codec.ts'
import type { WebhookRequest } from '../request.ts'
import { request } from './request.ts'

/** What every sample-delivery builder accepts besides its event's own fields. */
export interface DeliveryOptions {
  /** Changes one byte of the body after signing, so the signature no longer covers it. */
  readonly tamper?: boolean
  /** Leaves the signature (or token) out. */
  readonly unsigned?: boolean
  /** Signs as if sent this many seconds ago, for platforms with a replay window; negative is the future. */
  readonly age?: number
  /** The clock the signing time is read from, in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number
}

/** A sample delivery before it is signed: its exact body and the headers that do not sign it. */
export interface Draft {
  /** Path and query relative to the mount point. Default `'/'`. */
  readonly url?: string
  readonly body: string | Uint8Array
  readonly headers?: Readonly<Record<string, string>>
}

/** Computes the headers that sign `body` as sent at `sentAt` (epoch milliseconds). */
export type SignHeaders = (
  body: Uint8Array,
  sentAt: number,
) => Readonly<Record<string, string>> | Promise<Readonly<Record<string, string>>>

/**
 * Finishes a preset's sample delivery: signs the exact body bytes, then applies the options
 * (an aged clock, a dropped signature, a tampered byte), so every builder treats them alike.
 */
export async function finish(
  draft: Draft,
  options: DeliveryOptions,
  signHeaders: SignHeaders,
): Promise<WebhookRequest> {
  const body = typeof draft.body === 'string' ? utf8(draft.body) : draft.body
  const sentAt = (options.now ?? Date.now)() - (options.age ?? 0) * 1000
  const signature = options.unsigned === true ? {} : await signHeaders(body, sentAt)
  return request({
    url: draft.url ?? '/',
    headers: { 'content-type': 'application/json', ...draft.headers, ...signature },
    body: options.tamper === true ? tamper(body) : body,
  })
}

/**
 * A copy of `body` with one byte changed: the case of its last ASCII letter is flipped, so
 * JSON stays JSON and only the signature can tell.
 *
 * @example
 * ```ts
 * const forged = { ...signed, body: tamper(signed.body) }
 * ```
 */
export function tamper(body: Uint8Array): Uint8Array {
  const copy = body.slice()
  for (let index = copy.length - 1; index >= 0; index--) {
    const byte = copy[index] ?? 0
    if ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a)) {
      copy[index] = byte ^ 0x20
      return copy
    }
  }
  // No letter at all: change the last byte, or add one to an empty body.
  if (copy.length === 0) return Uint8Array.of(0x20)
  copy[copy.length - 1] = (copy[copy.length - 1] ?? 0) ^ 0x01
  return copy
}
