import { timingSafeEqual } from '#crypto'
import { fromBase64, fromUtf8 } from '../crypto/codec.ts'
import { assertKnownOptions, toSecretList } from '../internal/options.ts'
import { readHeader } from '../request.ts'
import { COST, PASSED, refusal, type Verifier, type VerifyResult } from './types.ts'

export interface BasicAuthOptions {
  readonly username: string
  /** The expected password; a list accepts any of them, for rotation. */
  readonly password: string | readonly string[]
  /** The realm named in `WWW-Authenticate`. Default `'chathooks'`. */
  readonly realm?: string
}

/**
 * Checks HTTP Basic credentials (RFC 7617): the user-id ends at the first `:`, so a password
 * may contain colons; both parts are UTF-8 and compared in constant time. A failure is 401
 * `unauthorized` with a `WWW-Authenticate` challenge. Options: `username`, `password`
 * (required), `realm` (`'chathooks'`).
 *
 * @throws TypeError when `username` or `password` is missing, or the username has a `:`.
 * @example
 * ```ts
 * const verify = basicAuth({ username: 'clustaar', password: process.env.HOOK_PASSWORD! })
 * ```
 */
export function basicAuth(options: BasicAuthOptions): Verifier {
  assertKnownOptions('basicAuth', options, ['username', 'password', 'realm'])
  const { username } = options
  if (typeof username !== 'string' || username.length === 0 || username.includes(':')) {
    throw new TypeError('basicAuth: option "username" is required and must not contain ":"')
  }
  const passwords = toSecretList('basicAuth', 'password', options.password)
  const realm = (options.realm ?? 'chathooks').replace(/["\\]/g, '')
  const refused = refusal('unauthorized', 'Basic credentials are missing or wrong', {
    headers: { 'www-authenticate': `Basic realm="${realm}", charset="UTF-8"` },
  })
  return {
    name: 'basicAuth',
    cost: COST.token,
    verify({ request }): VerifyResult {
      const credentials = decode(readHeader(request, 'authorization'))
      if (credentials === undefined) return refused
      const colon = credentials.indexOf(':')
      if (colon < 0) return refused
      const userOk = timingSafeEqual(username, credentials.slice(0, colon))
      const received = credentials.slice(colon + 1)
      let passwordOk = false
      for (const password of passwords) if (timingSafeEqual(password, received)) passwordOk = true
      return userOk && passwordOk ? PASSED : refused
    },
  }
}

function decode(header: string | undefined): string | undefined {
  const match = header === undefined ? null : /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header)
  const bytes = match?.[1] === undefined ? undefined : fromBase64(match[1])
  if (bytes === undefined) return undefined
  try {
    return fromUtf8(bytes)
  } catch {
    return undefined
  }
}
