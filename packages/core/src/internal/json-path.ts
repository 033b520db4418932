const MISSING: unique symbol = Symbol('missing')

/** The result of walking a path that leads nowhere. */
export type Missing = typeof MISSING

/**
 * Splits a dotted path once, at filter creation, so a bad path throws there and not while a
 * request is dispatched.
 */
export function compilePath(factory: string, path: unknown): readonly string[] {
  if (typeof path !== 'string' || path === '' || path.split('.').includes('')) {
    throw new TypeError(`${factory}: the path must be dotted keys like "user.id" or "items.0.id"`)
  }
  return path.split('.')
}

/**
 * Walks own properties only, so `__proto__` or `constructor` in a path can never reach a
 * prototype; a numeric segment indexes an array.
 */
export function readPath(value: unknown, keys: readonly string[]): unknown {
  let current = value
  for (const key of keys) {
    if (typeof current !== 'object' || current === null) return MISSING
    if (Array.isArray(current)) {
      if (!/^(0|[1-9]\d*)$/.test(key) || Number(key) >= current.length) return MISSING
      current = current[Number(key)]
    } else {
      if (!Object.hasOwn(current, key)) return MISSING
      current = (current as Record<string, unknown>)[key]
    }
  }
  return current
}

/** Whether `readPath` found nothing. */
export function isMissing(value: unknown): value is Missing {
  return value === MISSING
}

/**
 * Structural equality of JSON values; object key order does not matter. `===` rather than
 * `Object.is`, because JSON has one zero: a sender's `-0` is the number a filter means by `0`.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false
    return a.every((item, index) => deepEqual(item, b[index]))
  }
  const keys = Object.keys(a)
  if (keys.length !== Object.keys(b).length) return false
  return keys.every(
    (key) =>
      Object.hasOwn(b, key) &&
      deepEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  )
}
