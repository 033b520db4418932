import { assertKnownOptions, toSecretList } from '../../internal/options.ts'
import { readHeader } from '../../request.ts'
import { basicAuth } from '../../verify/basic-auth.ts'
import { hmacSignature } from '../../verify/hmac.ts'
import { timestampedSignature } from '../../verify/timestamped.ts'
import type { Verifier } from '../../verify/types.ts'
import { dateWindow } from './date-window.ts'
import { parseHttpDate } from './http-date.ts'

export interface ClustaarOptions {
  /** The webhook's private key: `X-Hub-Signature` is checked with it. A list, for rotation. */
  readonly privateKey?: string | readonly string[]
  /** The basic-auth user configured on the webhook; needs `password`. */
  readonly username?: string
  /** The basic-auth password; a list, for rotation. Needs `username`. */
  readonly password?: string | readonly string[]
  /**
   * How many seconds the `Date` header may be from now, in the past or the future. Default 10.
   * `false` turns the check off, and is the only way to.
   */
  readonly requestMaxAge?: number | false
  /** The clock the `Date` header is compared with, in epoch milliseconds. Default `Date.now`. */
  readonly now?: () => number
}

const FACTORY = 'clustaar'
const KNOWN = ['privateKey', 'username', 'password', 'requestMaxAge', 'now']
const SIGNATURE = { header: 'X-Hub-Signature', algorithm: 'sha1', prefix: 'sha1=' } as const

/** Validates the options and builds the checks they ask for; at least one must be configured. */
export function clustaarVerifiers(options: ClustaarOptions): readonly Verifier[] {
  assertKnownOptions(FACTORY, options, KNOWN)
  const maxAge = requestMaxAge(options.requestMaxAge)
  const now = options.now ?? Date.now
  if (typeof now !== 'function') {
    throw new TypeError(`${FACTORY}: option "now" must be a function returning epoch milliseconds`)
  }
  const auth = basic(options)
  if (auth === undefined && options.privateKey === undefined) {
    throw new TypeError(
      `${FACTORY}: option "privateKey", or options "username" and "password", are required`,
    )
  }
  const verifiers: Verifier[] = auth === undefined ? [] : [auth]
  if (options.privateKey !== undefined) {
    const secret = toSecretList(FACTORY, 'privateKey', options.privateKey)
    verifiers.push(
      maxAge === false ? signatureOnly(secret) : signatureInWindow(secret, maxAge, now),
    )
  } else if (maxAge !== false) {
    verifiers.push(dateWindow(maxAge, now))
  }
  return verifiers
}

function signatureInWindow(secret: readonly string[], maxAge: number, now: () => number): Verifier {
  return timestampedSignature({
    ...SIGNATURE,
    secret,
    timestampHeader: 'Date',
    toleranceSeconds: maxAge,
    parseTimestamp: parseHttpDate,
    message: (date, body) => ['date=', date, '\n', body],
    now,
  })
}

// With the window off a request may come without a Date; clustaar.webhook then signs Python's
// `None`, and its published vector is signed that way, so that text is what is checked.
function signatureOnly(secret: readonly string[]): Verifier {
  return hmacSignature({
    ...SIGNATURE,
    secret,
    message: (request) => ['date=', readHeader(request, 'date') ?? 'None', '\n', request.body],
  })
}

function basic(options: ClustaarOptions): Verifier | undefined {
  const { username, password } = options
  if (username === undefined && password === undefined) return undefined
  if (username === undefined || password === undefined) {
    const missing = username === undefined ? 'username' : 'password'
    throw new TypeError(`${FACTORY}: option "${missing}" is required with basic auth`)
  }
  if (typeof username !== 'string' || username.length === 0 || username.includes(':')) {
    throw new TypeError(`${FACTORY}: option "username" must be a non-empty string without ":"`)
  }
  return basicAuth({ username, password: toSecretList(FACTORY, 'password', password) })
}

function requestMaxAge(value: unknown): number | false {
  if (value === undefined) return 10
  if (value === false) return false
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new TypeError(
      `${FACTORY}: option "requestMaxAge" must be a positive number of seconds, or false`,
    )
  }
  return value
}
