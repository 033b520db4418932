import type { FetchOptions } from '@chathooks/core'
import type { ScenarioMounts } from './scenario.ts'

/** A Web-standard handler: what Bun.serve, Deno.serve and a Worker's `fetch` call. */
export type FetchHandler = (
  request: Request,
  options?: Omit<FetchOptions, 'basePath'>,
) => Promise<Response>

/**
 * Serves the mounts through `webhook.fetch`, each below its path (the longest match wins; a
 * path outside every mount is 404), for targets on runtimes that speak `Request`/`Response`.
 * Runtime-neutral, like the scenario.
 *
 * @example
 * ```ts
 * const handle = mountFetch(createScenario().mounts)
 * Bun.serve({ port: 0, fetch: (request, server) => handle(request, { remoteAddress: server.requestIP(request)?.address }) })
 * ```
 */
export function mountFetch(mounts: ScenarioMounts): FetchHandler {
  const paths = Object.keys(mounts).sort((a, b) => b.length - a.length)
  return async (request, options = {}) => {
    const { pathname } = new URL(request.url)
    const path = paths.find((mount) => pathname === mount || pathname.startsWith(`${mount}/`))
    const webhook = path === undefined ? undefined : mounts[path]
    if (path === undefined || webhook === undefined) {
      return Response.json(
        { error: 'not_found', message: 'No mount matches this path' },
        { status: 404 },
      )
    }
    return webhook.fetch(request, { ...options, basePath: path })
  }
}
