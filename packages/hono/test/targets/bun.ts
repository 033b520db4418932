import { createScenario } from '@chathooks/conformance'
import { getConnInfo } from 'hono/bun'
import { appFor } from './app.ts'

// The scenario behind webhookApp on Bun, served the way Hono's docs say: `fetch: app.fetch`.
// The child protocol: print the origin once listening; on SIGTERM stop, drain, print the
// observations as the last line, exit 0.
declare const Bun: {
  serve(options: {
    hostname: string
    port: number
    fetch(request: Request, server: unknown): Response | Promise<Response>
  }): { readonly url: URL; stop(): Promise<void> }
}

const scenario = createScenario()
const app = appFor(scenario.mounts, { getConnInfo })
const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: app.fetch })
console.log(server.url.origin)

process.on('SIGTERM', async () => {
  await server.stop()
  await Promise.all(Object.values(scenario.mounts).map((webhook) => webhook.close()))
  console.log(JSON.stringify(scenario.observations()))
  process.exit(0)
})
