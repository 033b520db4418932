import { timingSafeEqual } from '#crypto'
import { assertKnownOptions, toSecretList } from '../internal/options.ts'
import { notFound } from '../internal/refusals.ts'
import { COST, PASSED, type Verifier, type VerifyResult } from './types.ts'

export interface UrlKeyOptions {
  /** The secret first path segment; a list accepts any of them, for rotation. */
  readonly key: string | readonly string[]
}

/**
 * Requires the first path segment to be a secret key (pararam's `/{url_key}`). A wrong key
 * answers exactly like a path that does not exist, 404 `not_found`, so the endpoint cannot be
 * discovered by probing. Options: `key`, required.
 *
 * @throws TypeError when `key` is missing, empty or contains `/`.
 * @example
 * ```ts
 * const verify = urlKey({ key: extractUrlKey(secret) })
 * ```
 */
export function urlKey(options: UrlKeyOptions): Verifier {
  assertKnownOptions('urlKey', options, ['key'])
  const keys = toSecretList('urlKey', 'key', options.key)
  if (keys.some((key) => key.includes('/'))) {
    throw new TypeError('urlKey: option "key" must be one path segment (no "/")')
  }
  const refused: VerifyResult = { ok: false, error: notFound() }
  return {
    name: 'urlKey',
    cost: COST.path,
    verify({ path }): VerifyResult {
      const end = path.indexOf('/', 1)
      const segment = safeDecode(path.slice(1, end < 0 ? undefined : end))
      let matched = false
      for (const key of keys) if (timingSafeEqual(key, segment)) matched = true
      return matched ? PASSED : refused
    },
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    return ''
  }
}
