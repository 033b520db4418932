import { createScenario, mountFetch } from '@chathooks/conformance'

// The reference target on Bun: webhook.fetch behind Bun.serve, with no adapter in between.
// The child protocol: print the origin once listening (on the port given as the argument, if
// any); on SIGTERM stop, drain, print the observations as the last line, exit 0.
declare const Bun: {
  serve(options: {
    hostname: string
    port: number
    fetch(request: Request, server: BunServer): Promise<Response>
  }): BunServer & { readonly url: URL }
}
interface BunServer {
  requestIP(request: Request): { address: string } | null
  stop(): Promise<void>
}

const scenario = createScenario()
const handle = mountFetch(scenario.mounts)
const server = Bun.serve({
  hostname: '127.0.0.1',
  port: Number(process.argv[2] ?? 0),
  fetch: (request, bun) => handle(request, { remoteAddress: bun.requestIP(request)?.address }),
})
console.log(server.url.origin)

process.on('SIGTERM', async () => {
  await server.stop()
  await Promise.all(Object.values(scenario.mounts).map((webhook) => webhook.close()))
  console.log(JSON.stringify(scenario.observations()))
  process.exit(0)
})
