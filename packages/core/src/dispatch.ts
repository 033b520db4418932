import type { Registration } from './types.ts'

/** The first value a handler returned, or `undefined` when none matched or all passed. */
export interface DispatchResult {
  readonly matched: boolean
  readonly value: unknown
}

/**
 * Runs the handlers whose name and filter match, one after another in registration order,
 * until one returns a value. A throwing handler or filter rejects the whole dispatch.
 */
export async function dispatch(
  registrations: readonly Registration[],
  name: string,
  event: { readonly payload: unknown },
): Promise<DispatchResult> {
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
