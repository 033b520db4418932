import type { Platform, PlatformRoute } from './platform.ts'
import type { Verifier } from './verify/types.ts'

/** A route prepared at creation: its matcher and its verifiers, cheapest first. */
export interface CompiledRoute {
  readonly route: PlatformRoute
  readonly verifiers: readonly Verifier[]
  match(segments: readonly string[]): Record<string, string> | undefined
}

const ANY: readonly PlatformRoute[] = [{ path: '*' }]

/** Compiles a platform's routes once; a malformed pattern throws at creation. */
export function compileRoutes(platform: Platform): readonly CompiledRoute[] {
  return (platform.routes ?? ANY).map((route) => {
    const verifiers = [...platform.verify, ...(route.verify ?? [])].sort((a, b) => a.cost - b.cost)
    return { route, verifiers, match: compilePattern(route.path) }
  })
}

/** Splits a request path into decoded segments; `undefined` when one cannot be decoded. */
export function toSegments(path: string): readonly string[] | undefined {
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
