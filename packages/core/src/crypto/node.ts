import { createHmac, createSecretKey, type KeyObject } from 'node:crypto'
import type { HmacAlgorithm, HmacKey, SignatureEncoding, SignedParts } from './types.ts'

export { timingSafeEqual } from './timing-safe-equal.ts'

/**
 * The `node:crypto` build: synchronous HMAC with a `KeyObject` made once per secret, which
 * costs a few microseconds where Web Crypto's promise costs tens.
 */
export function createHmacKey(algorithm: HmacAlgorithm, secret: string | Uint8Array): HmacKey {
  const key: KeyObject = createSecretKey(
    typeof secret === 'string' ? new TextEncoder().encode(secret) : secret,
  )
  return {
    sign(parts: SignedParts, encoding: SignatureEncoding): string {
      const hmac = createHmac(algorithm, key)
      for (const part of parts) hmac.update(part)
      return hmac.digest(encoding)
    },
  }
}
