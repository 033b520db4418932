import type { Server, ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createScenario, type ScenarioMounts } from './scenario.ts'
import type { ConformanceTarget, HostedServer } from './target.ts'

/**
 * A target for an adapter that runs in this process: `host` serves the mounts of a fresh
 * scenario and resolves once listening; its `close()` must stop the server and drain the
 * webhooks, after which the target reads the final observations.
 *
 * @example
 * ```ts
 * describeConformance('serve', inProcessTarget((mounts) => serve(mounts, { port: 0 })))
 * ```
 */
export function inProcessTarget(
  host: (mounts: ScenarioMounts) => Promise<HostedServer>,
): ConformanceTarget {
  return {
    async start() {
      const scenario = createScenario()
      const server = await host(scenario.mounts)
      return {
        url: server.url,
        close: async () => {
          await server.close()
          return scenario.observations()
        },
      }
    },
  }
}

/**
 * Listens with a `node:http` server (an Express app's, Hono's node-server's) on a free port of
 * 127.0.0.1; `close()` stops it, lets requests in flight finish, closes kept-alive connections,
 * then closes every webhook of `mounts`, as an app's shutdown would.
 *
 * @example
 * ```ts
 * inProcessTarget((mounts) => listenOnLoopback(http.createServer(appFor(mounts)), mounts))
 * ```
 */
export async function listenOnLoopback(
  server: Server,
  mounts: ScenarioMounts,
): Promise<HostedServer> {
  let closing = false
  // Connections freed once close() began are closed then, not kept alive until they time out.
  server.on('request', (_, res: ServerResponse) =>
    res.once('finish', () => closing && server.closeIdleConnections()),
  )
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    async close() {
      closing = true
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await Promise.all(Object.values(mounts).map((webhook) => webhook.close()))
    },
  }
}
