import { WebhookError } from './errors.ts'
import { notFound } from './internal/refusals.ts'
import type { Platform, PlatformRoute } from './platform.ts'
import type { WebhookRequest } from './request.ts'
import type { Verifier } from './verify/types.ts'

/** A route prepared at creation: its matcher and its verifiers, cheapest first. */
export interface CompiledRoute {
  readonly route: PlatformRoute
  readonly verifiers: readonly Verifier[]
  match(segments: readonly string[]): Record<string, string> | undefined
}

/** A request's route, with its parameters and the path and query split apart. */
export interface FoundRoute {
  readonly compiled: CompiledRoute
  readonly params: Readonly<Record<string, string>>
  readonly path: string
  readonly query: string
}

const ANY: readonly PlatformRoute[] = [{ path: '*' }]

const METHOD_NOT_ALLOWED = new WebhookError('method_not_allowed', 'Webhooks are POST requests', {
  headers: { allow: 'POST' },
})

/**
 * Finds the route of a request from its path; a path no route matches is 404, and a known path
 * asked with anything but POST is 405, so the method is judged only where a route exists.
 */
export function findRoute(routes: readonly CompiledRoute[], request: WebhookRequest): FoundRoute {
  const mark = request.url.indexOf('?')
  const path = (mark < 0 ? request.url : request.url.slice(0, mark)) || '/'
  const query = mark < 0 ? '' : request.url.slice(mark + 1)
  const segments = toSegments(path)
  if (segments !== undefined) {
    for (const compiled of routes) {
      const params = compiled.match(segments)
      if (params === undefined) continue
      if (request.method !== 'POST') throw METHOD_NOT_ALLOWED
      return { compiled, params, path, query }
    }
  }
  throw notFound()
}

/** Compiles a platform's routes once; a malformed pattern throws at creation. */
export function compileRoutes(platform: Platform): readonly CompiledRoute[] {
  return (platform.routes ?? ANY).map((route) => {
    const verifiers = [...platform.verify, ...(route.verify ?? [])].sort((a, b) => a.cost - b.cost)
    return { route, verifiers, match: compilePattern(route.path) }
  })
}

/** Splits a request path into decoded segments; `undefined` when one cannot be decoded. */
function toSegments(path: string): readonly string[] | undefined {
  const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(1, -1) : path.slice(1)
  if (trimmed === '') return []
  try {
    return trimmed.split('/').map(decodeURIComponent)
  } catch {
    return undefined
  }
}

function compilePattern(pattern: string): CompiledRoute['match'] {
  if (pattern === '*') return () => ({})
  const parts = toSegments(pattern)
  if (!pattern.startsWith('/') || parts === undefined || parts.includes('')) {
    throw new TypeError(`route "${pattern}" must be "*" or a path like "/", "/reset" or "/:key"`)
  }
  return (segments) => {
    if (segments.length !== parts.length) return undefined
    const params: Record<string, string> = {}
    for (const [index, part] of parts.entries()) {
      const segment = segments[index] ?? ''
      if (part.startsWith(':')) params[part.slice(1)] = segment
      else if (part !== segment) return undefined
    }
    return params
  }
}
