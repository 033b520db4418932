import { createHmacKey, timingSafeEqual } from '#crypto'
import type { HmacAlgorithm, HmacKey, SignatureEncoding, SignedParts } from '../crypto/types.ts'
import { HMAC_ALGORITHMS } from '../crypto/types.ts'
import { oneOf, toSecretList } from '../internal/options.ts'

/** The HMAC options `hmacSignature` and `timestampedSignature` share. */
export interface SignatureOptions {
  /** The shared secret; a list accepts any of them, for rotation. */
  readonly secret: string | readonly string[]
  /** Default `'sha256'`. */
  readonly algorithm?: HmacAlgorithm
  /** Default `'hex'` (lower case). */
  readonly encoding?: SignatureEncoding
  /** Text before the signature in the header, such as `sha256=`. Default none. */
  readonly prefix?: string
  /** Accept upper-case hex too. Default `false`: the signature must be the exact text. */
  readonly ignoreCase?: boolean
}

/** A signature check with its keys prepared once, at creation. */
export interface SignatureCheck {
  /** Whether `received` (the header value, prefix included) signs `parts` with any secret. */
  matches(received: string, parts: SignedParts): Promise<boolean>
}

/** Validates the shared options and imports every secret's key once. */
export function createSignatureCheck(factory: string, options: SignatureOptions): SignatureCheck {
  const secrets = toSecretList(factory, 'secret', options.secret)
  const algorithm = oneOf(factory, 'algorithm', options.algorithm, HMAC_ALGORITHMS, 'sha256')
  const encoding = oneOf(factory, 'encoding', options.encoding, ['hex', 'base64'], 'hex')
  const prefix = options.prefix ?? ''
  const foldCase = options.ignoreCase === true && encoding === 'hex'
  const keys: readonly HmacKey[] = secrets.map((secret) => createHmacKey(algorithm, secret))
  return {
    async matches(received, parts) {
      if (!received.startsWith(prefix)) return false
      const signature = received.slice(prefix.length)
      const candidate = foldCase ? signature.toLowerCase() : signature
      let matched = false
      // Every secret is tried, so the time taken does not tell which one matched.
      for (const key of keys) {
        if (timingSafeEqual(await key.sign(parts, encoding), candidate)) matched = true
      }
      return matched
    },
  }
}
