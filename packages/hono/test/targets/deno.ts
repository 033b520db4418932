import { createScenario } from '@chathooks/conformance'
import { getConnInfo } from 'hono/deno'
import { appFor } from './app.ts'

// The scenario behind webhookApp on Deno, served as `Deno.serve(app.fetch)` is, speaking the
// same child protocol as the Bun target.
declare const Deno: {
  serve(
    options: { hostname: string; port: number; onListen(address: { port: number }): void },
    handler: (request: Request, info: unknown) => Response | Promise<Response>,
  ): { shutdown(): Promise<void> }
  addSignalListener(signal: 'SIGTERM', listener: () => void): void
  exit(code: number): never
}

const scenario = createScenario()
const app = appFor(scenario.mounts, { getConnInfo })
const server = Deno.serve(
  {
    hostname: '127.0.0.1',
    port: 0,
    onListen: ({ port }) => console.log(`http://127.0.0.1:${port}`),
  },
  app.fetch,
)

Deno.addSignalListener('SIGTERM', async () => {
  await server.shutdown()
  await Promise.all(Object.values(scenario.mounts).map((webhook) => webhook.close()))
  console.log(JSON.stringify(scenario.observations()))
  Deno.exit(0)
})
