import { createHmacKey } from '#crypto'
import { toHex } from '../../crypto/codec.ts'
import type { HmacKey } from '../../crypto/types.ts'
import { timestampedSignature } from '../../verify/timestamped.ts'
import type { Verifier } from '../../verify/types.ts'

/** The header names of LangBot's HTTP Bot protocol, lower case as Node gives them. */
export const HEADER = {
  timestamp: 'x-lb-timestamp',
  signature: 'x-lb-signature',
  idempotencyKey: 'x-lb-idempotency-key',
} as const

/** The signature's prefix: `sha256=` then lowercase hex. */
export const PREFIX = 'sha256='

/** Checks `X-LB-Signature` over `timestamp.body` and the 300 s window, both ways. */
export function lbSignature(secret: readonly string[], now: (() => number) | undefined): Verifier {
  return timestampedSignature({
    header: 'X-LB-Signature',
    timestampHeader: 'X-LB-Timestamp',
    prefix: PREFIX,
    secret,
    ...(now === undefined ? {} : { now }),
  })
}

/** Signs as LangBot does: the Unix seconds of `sentAt` as decimal text, `.`, the body. */
export interface LbSigner {
  sign(body: Uint8Array, sentAt: number): Promise<Readonly<Record<string, string>>>
}

/** A signer with its key prepared once, for the first secret of a list. */
export function createSigner(secret: string): LbSigner {
  const key: HmacKey = createHmacKey('sha256', secret)
  return {
    async sign(body, sentAt) {
      const timestamp = String(Math.floor(sentAt / 1000))
      const signature = await key.sign([timestamp, '.', body], 'hex')
      return { [HEADER.timestamp]: timestamp, [HEADER.signature]: PREFIX + signature }
    },
  }
}

/** A fresh `in_<32 hex>` id, the form LangBot gives every accepted message. */
export function messageId(): string {
  return `in_${toHex(crypto.getRandomValues(new Uint8Array(16)))}`
}
