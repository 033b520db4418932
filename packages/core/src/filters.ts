import { compilePath, deepEqual, isMissing, readPath } from './internal/json-path.ts'

/**
 * A test over a parsed payload. Filters are plain predicates: any function of this shape can
 * be passed to `on`, and every filter here can be called on its own.
 */
export type Filter<Payload = unknown> = (payload: Payload) => boolean

/**
 * Matches when the value at a dotted path deeply equals `value`. Paths walk own properties
 * and array indexes (`items.0.id`); a missing key never matches and never throws.
 *
 * @throws TypeError when the path is empty or has an empty segment.
 * @example
 * ```ts
 * webhook.on('message', handler, JSONKeyEquals('message.chat.type', 'private'))
 * ```
 */
export function JSONKeyEquals(path: string, value: unknown): Filter {
  const keys = compilePath('JSONKeyEquals', path)
  return (payload) => deepEqual(readPath(payload, keys), value)
}

/**
 * Matches when the value at a dotted path deeply equals one of `values`.
 *
 * @throws TypeError when the path is invalid or `values` is not a list.
 * @example
 * ```ts
 * webhook.on('*', handler, JSONKeyIn('data.channel', ['web', 'messenger']))
 * ```
 */
export function JSONKeyIn(path: string, values: readonly unknown[]): Filter {
  const keys = compilePath('JSONKeyIn', path)
  if (!Array.isArray(values)) throw new TypeError('JSONKeyIn: values must be a list')
  const options = [...values]
  return (payload) => {
    const found = readPath(payload, keys)
    return !isMissing(found) && options.some((option) => deepEqual(found, option))
  }
}

/**
 * Matches when a dotted path exists; a JSON `null` there counts as present.
 *
 * @throws TypeError when the path is invalid.
 * @example
 * ```ts
 * webhook.on('*', handler, JSONKeyExists('data.input'))
 * ```
 */
export function JSONKeyExists(path: string): Filter {
  const keys = compilePath('JSONKeyExists', path)
  return (payload) => !isMissing(readPath(payload, keys))
}

/**
 * Matches a Clustaar step by `data.step.id`, one id or any of several.
 *
 * @throws TypeError when no id is given.
 * @example
 * ```ts
 * webhook.on('conversation.step_reached', askOrderNumber, StepID('507f191e810c19729de860ea'))
 * ```
 */
export function StepID(id: string | readonly string[]): Filter {
  const ids = typeof id === 'string' ? [id] : id
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((item) => typeof item === 'string')) {
    throw new TypeError('StepID: give a step id or a non-empty list of them')
  }
  return JSONKeyIn('data.step.id', ids)
}

/**
 * Matches when every filter matches (and when given none).
 *
 * @example
 * ```ts
 * and(JSONKeyExists('message.text'), not(JSONKeyEquals('message.from.is_bot', true)))
 * ```
 */
export function and<Payload>(...filters: readonly Filter<Payload>[]): Filter<Payload> {
  assertFilters('and', filters)
  return (payload) => filters.every((filter) => filter(payload))
}

/**
 * Matches when any filter matches; with none it never matches.
 *
 * @example
 * ```ts
 * or(StepID('welcome'), JSONKeyEquals('data.input.text', 'menu'))
 * ```
 */
export function or<Payload>(...filters: readonly Filter<Payload>[]): Filter<Payload> {
  assertFilters('or', filters)
  return (payload) => filters.some((filter) => filter(payload))
}

/**
 * Matches when the filter does not.
 *
 * @example
 * ```ts
 * not(JSONKeyEquals('message.from.is_bot', true))
 * ```
 */
export function not<Payload>(filter: Filter<Payload>): Filter<Payload> {
  assertFilters('not', [filter])
  return (payload) => !filter(payload)
}

function assertFilters(name: string, filters: readonly unknown[]): void {
  if (!filters.every((filter) => typeof filter === 'function')) {
    throw new TypeError(`${name}: every argument must be a filter function`)
  }
}
