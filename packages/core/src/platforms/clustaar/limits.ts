// The limits clustaar.schemas (v1) enforces on the actions it reads. A builder checks them when
// the handler calls it, so a reply Clustaar would reject fails in the handler, with a message
// naming the field, instead of being dropped on Clustaar's side.

export const LIMITS = {
  text: 500,
  alternatives: 10,
  buttons: 11,
  buttonTitle: 20,
  key: 100,
  sessionValue: 200,
  userAttribute: 2000,
  url: 500,
  connections: 10,
  waitMin: 0.5,
  waitMax: 7,
} as const

/** Session keys and attribute names: letters, digits and `_`, as Python's `\w` allows. */
const KEY = /^[\p{L}\p{N}_]+$/u
const OBJECT_ID = /^[0-9a-f]{24}$/i

/** A string of 1 to `max` characters, counted as Python counts them (code points). */
export function boundedText(builder: string, field: string, value: unknown, max: number): string {
  if (typeof value !== 'string' || value.length === 0 || [...value].length > max) {
    throw new TypeError(`actions.${builder}: "${field}" must be a string of 1 to ${max} characters`)
  }
  return value
}

/** A list of `min` to `max` items. */
export function boundedList<T>(
  builder: string,
  field: string,
  value: unknown,
  min: number,
  max: number,
): readonly T[] {
  if (!Array.isArray(value) || value.length < min || value.length > max) {
    throw new TypeError(`actions.${builder}: "${field}" must be a list of ${min} to ${max} items`)
  }
  return [...value] as T[]
}

/** A session key or attribute name. */
export function key(builder: string, value: unknown): string {
  const checked = boundedText(builder, 'key', value, LIMITS.key)
  if (!KEY.test(checked)) {
    throw new TypeError(`actions.${builder}: "key" may only hold letters, digits and "_"`)
  }
  return checked
}

/** A step or story id: a 24-digit hex ObjectId. */
export function objectId(builder: string, value: unknown): string {
  if (typeof value !== 'string' || !OBJECT_ID.test(value)) {
    throw new TypeError(`actions.${builder}: the id must be a 24-digit hex ObjectId`)
  }
  return value
}

/** An http or https URL of at most 500 characters. */
export function url(builder: string, field: string, value: unknown): string {
  const checked = boundedText(builder, field, value, LIMITS.url)
  if (!/^https?:$/.test(parseUrl(checked)?.protocol ?? '')) {
    throw new TypeError(`actions.${builder}: "${field}" must be an http or https URL`)
  }
  return checked
}

/** A non-empty string, where clustaar.schemas sets no maximum we could find. */
export function nonEmpty(builder: string, field: string, value: unknown): string {
  if (typeof value !== 'string' || value.length === 0) {
    throw new TypeError(`actions.${builder}: "${field}" must be a non-empty string`)
  }
  return value
}

/** A plain JSON object (not an array, not null). */
export function record(builder: string, field: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`actions.${builder}: "${field}" must be an object`)
  }
  return { ...(value as Record<string, unknown>) }
}

/** A boolean option, or `undefined` when it is not given. */
export function flag(builder: string, field: string, value: unknown): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value
  throw new TypeError(`actions.${builder}: "${field}" must be true or false`)
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text)
  } catch {
    return undefined
  }
}
