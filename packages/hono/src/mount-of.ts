import type { Context } from 'hono'
import { routePath } from 'hono/route'

/**
 * The path the matched route mounts the webhook at, as the request spelled it: the route's
 * pattern up to its trailing wildcard, taken segment by segment from the request, so
 * `basePath()`, nested `route()` mounts and parameters all count (`/api/:bot/viber/*` on
 * `/api/b1/viber/act` gives `/api/b1/viber`), and what follows is the webhook's own path.
 */
export function mountOf(c: Context): string {
  const depth = routePath(c)
    .replace(/\/?\*$/, '')
    .split('/')
    .filter(Boolean).length
  // The raw, still-encoded path, as core routes it; Hono's `c.req.path` is decoded.
  const segments = new URL(c.req.raw.url).pathname.split('/')
  return segments.slice(0, depth + 1).join('/')
}
