import type { RunOutcome } from './deliver.ts'
import type { Filter } from './filters.ts'
import type { Registration } from './types.ts'

/** Checks what `on()` was given, at registration, so a mistake never waits for a request. */
export function toRegistration(
  event: string | readonly string[],
  handler: (event: never) => unknown,
  filter: Filter<never> | undefined,
): Registration {
  const names = typeof event === 'string' ? [event] : event
  if (!Array.isArray(names) || names.length === 0 || !names.every((n) => typeof n === 'string')) {
    throw new TypeError('on: the event must be a name, a list of names, or "*"')
  }
  if (typeof handler !== 'function') throw new TypeError('on: the handler must be a function')
  if (filter !== undefined && typeof filter !== 'function') {
    throw new TypeError('on: the filter must be a function')
  }
  return { names: new Set(names), handler, filter }
}

/**
 * Runs the handlers whose name and filter match, one after another in registration order,
 * until one returns a value. A throwing handler or filter rejects the whole dispatch.
 */
export async function dispatch(
  registrations: readonly Registration[],
  name: string,
  event: { readonly payload: unknown },
): Promise<RunOutcome> {
  let matched = false
  for (const { names, handler, filter } of registrations) {
    if (!names.has(name) && !names.has('*')) continue
    if (filter !== undefined && !(filter as (payload: unknown) => boolean)(event.payload)) continue
    matched = true
    const value = await (handler as (event: unknown) => unknown)(event)
    if (value !== undefined) return { matched, value }
  }
  return { matched, value: undefined }
}
