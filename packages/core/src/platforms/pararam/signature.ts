import { createHmacKey, timingSafeEqual } from '#crypto'
import type { SignatureEncoding } from '../../crypto/types.ts'
import { assertKnownOptions, oneOf } from '../../internal/options.ts'

/** How `makeSignature` and `verifySignature` write the signature. */
export interface SignatureHelperOptions {
  /** Default `'hex'` (lower case), as the `pararam` preset's `signatureEncoding`. */
  readonly encoding?: SignatureEncoding
}

const ENCODINGS: readonly SignatureEncoding[] = ['hex', 'base64']

/**
 * Signs a body the way pararam signs a webhook: HMAC-SHA256 keyed with the whole bot secret
 * (UTF-8), over the body's bytes, or over a string's UTF-8 bytes, as pararamio-bot does for
 * `bytes` and `str`. It is async because Web Crypto (workerd, browsers) only signs through a
 * promise. Options: `encoding` (`'hex'`, lower case; `'base64'` for a deployment that signs so).
 *
 * @throws TypeError when the secret is empty or not a string, the body is neither a string nor
 *   bytes, or an option is unknown.
 * @example
 * ```ts
 * const headers = { 'X-Signature': await makeSignature(body, secret) }
 * ```
 */
export async function makeSignature(
  body: string | Uint8Array,
  secret: string,
  options: SignatureHelperOptions = {},
): Promise<string> {
  const encoding = resolve('makeSignature', body, secret, options)
  return createHmacKey('sha256', secret).sign([body], encoding)
}

/**
 * Whether `signature` is pararam's signature of `body` with `secret`, compared in constant
 * time. Hex is compared case-insensitively, as the `pararam` preset compares it; a missing or
 * malformed signature is `false`, never an exception, so the result of reading a header can be
 * passed as it is. Async for the same reason as `makeSignature`; `encoding` as there.
 *
 * @throws TypeError when the secret is empty or not a string, the body is neither a string nor
 *   bytes, or an option is unknown.
 * @example
 * ```ts
 * if (!(await verifySignature(rawBody, req.headers['x-signature'], secret))) res.status(401)
 * ```
 */
export async function verifySignature(
  body: string | Uint8Array,
  signature: string | undefined,
  secret: string,
  options: SignatureHelperOptions = {},
): Promise<boolean> {
  const encoding = resolve('verifySignature', body, secret, options)
  if (typeof signature !== 'string') return false
  const expected = await createHmacKey('sha256', secret).sign([body], encoding)
  return timingSafeEqual(expected, encoding === 'hex' ? signature.toLowerCase() : signature)
}

function resolve(
  helper: string,
  body: unknown,
  secret: unknown,
  options: SignatureHelperOptions,
): SignatureEncoding {
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new TypeError(`${helper}: the secret must be a non-empty string`)
  }
  if (typeof body !== 'string' && !(body instanceof Uint8Array)) {
    throw new TypeError(`${helper}: the body must be a string or a Uint8Array`)
  }
  assertKnownOptions(helper, options, ['encoding'])
  return oneOf(helper, 'encoding', options.encoding, ENCODINGS, 'hex')
}
