import type { Context } from 'hono'

/** Hands background work to the runtime where it has an execution context, as Workers do. */
export type WaitUntil = (work: Promise<unknown>) => void

/**
 * The request's `executionCtx.waitUntil` where the runtime passed an execution context
 * (workerd), else `undefined`, leaving the work to the webhook's own tracking (Node, Bun,
 * Deno). Hono's getter throws when there is none and has no non-throwing form, so this asks
 * it the way Hono's own `mount()` does.
 */
export function waitUntilOf(c: Context): WaitUntil | undefined {
  try {
    const context = c.executionCtx
    return (work) => context.waitUntil(work)
  } catch {
    return undefined
  }
}
