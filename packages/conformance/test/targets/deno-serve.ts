import { createScenario, mountFetch } from '@chathooks/conformance'

// The reference target on Deno: webhook.fetch behind Deno.serve, with no adapter in between,
// speaking the same child protocol as the Bun one.
declare const Deno: {
  serve(
    options: { hostname: string; port: number; onListen(address: { port: number }): void },
    handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Promise<Response>,
  ): { shutdown(): Promise<void> }
  addSignalListener(signal: 'SIGTERM', listener: () => void): void
  exit(code: number): never
}

const scenario = createScenario()
const handle = mountFetch(scenario.mounts)
const server = Deno.serve(
  {
    hostname: '127.0.0.1',
    port: 0,
    onListen: ({ port }) => console.log(`http://127.0.0.1:${port}`),
  },
  (request, info) => handle(request, { remoteAddress: info.remoteAddr.hostname }),
)

Deno.addSignalListener('SIGTERM', async () => {
  await server.shutdown()
  await Promise.all(Object.values(scenario.mounts).map((webhook) => webhook.close()))
  console.log(JSON.stringify(scenario.observations()))
  Deno.exit(0)
})
