import { concatBytes, toBase64, toHex, utf8 } from './codec.ts'
import type { HmacAlgorithm, HmacKey, SignatureEncoding, SignedParts } from './types.ts'

export { timingSafeEqual } from './timing-safe-equal.ts'

const HASH: Readonly<Record<HmacAlgorithm, string>> = {
  sha1: 'SHA-1',
  sha256: 'SHA-256',
  sha512: 'SHA-512',
}

/**
 * The Web Crypto build for workerd, browsers and every runtime without `node:crypto`. The key
 * is imported once, when the verifier is created, and reused for every request.
 */
export function createHmacKey(algorithm: HmacAlgorithm, secret: string | Uint8Array): HmacKey {
  const raw = (typeof secret === 'string' ? utf8(secret) : secret) as Uint8Array<ArrayBuffer>
  const key = crypto.subtle.importKey('raw', raw, { name: 'HMAC', hash: HASH[algorithm] }, false, [
    'sign',
  ])
  // A rejected import surfaces on the first sign; this keeps it from being an unhandled rejection.
  key.catch(() => undefined)
  return {
    async sign(parts: SignedParts, encoding: SignatureEncoding): Promise<string> {
      const mac = new Uint8Array(await crypto.subtle.sign('HMAC', await key, concat(parts)))
      return encoding === 'hex' ? toHex(mac) : toBase64(mac)
    },
  }
}

/** One buffer for Web Crypto, which takes no stream; a single part is passed as it is. */
function concat(parts: SignedParts): Uint8Array<ArrayBuffer> {
  const bytes = parts.map((part) => (typeof part === 'string' ? utf8(part) : part))
  return concatBytes(bytes) as Uint8Array<ArrayBuffer>
}
