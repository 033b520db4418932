/**
 * Refuses an option the factory does not know, naming the factory, the option and the known
 * ones: configuration mistakes throw at creation, so a typo never reaches a request.
 *
 * @throws TypeError for the first unknown option.
 * @example
 * ```ts
 * assertKnownOptions('webhookMiddleware', options, ['trustProxy'])
 * ```
 */
export function assertKnownOptions(
  factory: string,
  options: object,
  known: readonly string[],
): void {
  for (const name of Object.keys(options)) {
    if (!known.includes(name)) {
      throw new TypeError(`${factory}: unknown option "${name}" (known: ${known.join(', ')})`)
    }
  }
}

/** A secret option as a non-empty list: one string, or several for rotation. */
export function toSecretList(factory: string, option: string, value: unknown): readonly string[] {
  const list = typeof value === 'string' ? [value] : value
  if (
    !Array.isArray(list) ||
    list.length === 0 ||
    !list.every((item) => typeof item === 'string' && item.length > 0)
  ) {
    throw new TypeError(
      `${factory}: option "${option}" is required: a non-empty string or a list of them`,
    )
  }
  return list
}

/** Reads a one-of option with its default, throwing on anything outside the list. */
export function oneOf<T extends string>(
  factory: string,
  option: string,
  value: unknown,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  throw new TypeError(`${factory}: option "${option}" must be one of ${allowed.join(', ')}`)
}

/** A header option: required, and lower-cased once because Node lower-cases header names. */
export function headerName(factory: string, option: string, value: unknown): string {
  if (typeof value !== 'string' || !/^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value)) {
    throw new TypeError(`${factory}: option "${option}" must be an HTTP header name`)
  }
  return value.toLowerCase()
}
