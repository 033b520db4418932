import { timingSafeEqual } from '#crypto'
import { assertKnownOptions, headerName, toSecretList } from '../internal/options.ts'
import { readHeader } from '../request.ts'
import { COST, PASSED, refusal, type Verifier } from './types.ts'

export interface SecretTokenOptions {
  /** The header carrying the token, e.g. `X-Telegram-Bot-Api-Secret-Token`. */
  readonly header: string
  /** The expected token; a list accepts any of them, for rotation. */
  readonly token: string | readonly string[]
}

/**
 * Checks that a header carries a shared token, compared in constant time. Missing is 401
 * `signature_missing`, different is 401 `signature_invalid`. Options: `header` and `token`,
 * both required.
 *
 * @throws TypeError when `header` or `token` is missing or empty.
 * @example
 * ```ts
 * const verify = secretToken({ header: 'X-Telegram-Bot-Api-Secret-Token', token: secret })
 * ```
 */
export function secretToken(options: SecretTokenOptions): Verifier {
  assertKnownOptions('secretToken', options, ['header', 'token'])
  const header = headerName('secretToken', 'header', options.header)
  const tokens = toSecretList('secretToken', 'token', options.token)
  const missing = refusal('signature_missing', `Missing ${options.header} header`)
  const invalid = refusal('signature_invalid', `${options.header} does not match`)
  return {
    name: 'secretToken',
    cost: COST.token,
    verify({ request }) {
      const received = readHeader(request, header)
      if (received === undefined) {
        return missing
      }
      let matched = false
      for (const token of tokens) if (timingSafeEqual(token, received)) matched = true
      if (matched) return PASSED
      return invalid
    },
  }
}
