/** Hash functions the HMAC verifiers accept. */
export type HmacAlgorithm = 'sha1' | 'sha256' | 'sha512'

/** How a signature is written as text. */
export type SignatureEncoding = 'hex' | 'base64'

/** Bytes to sign, given in parts so a runtime that can stream them never concatenates. */
export type SignedParts = readonly (string | Uint8Array)[]

/** A secret prepared once; `sign` returns the MAC as text in the requested encoding. */
export interface HmacKey {
  sign(parts: SignedParts, encoding: SignatureEncoding): string | Promise<string>
}

export const HMAC_ALGORITHMS: readonly HmacAlgorithm[] = ['sha1', 'sha256', 'sha512']

/** What a custom `message` may return: text, bytes, or parts to be signed in order. */
export type SignedBytes = string | Uint8Array | SignedParts

/** Normalises `SignedBytes` to parts. */
export function toParts(bytes: SignedBytes): SignedParts {
  return typeof bytes === 'string' || bytes instanceof Uint8Array ? [bytes] : bytes
}
