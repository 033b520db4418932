import { describeConformance, inProcessTarget } from '@chathooks/conformance'
import Fastify from 'fastify'
import chathooks from '../src/index.ts'

// Each mount is one registration of the plugin; Fastify's close() lets requests in flight
// finish, then every webhook is drained, as an app's onClose would.
describeConformance(
  '@chathooks/fastify',
  inProcessTarget(async (mounts) => {
    const app = Fastify()
    for (const [prefix, webhook] of Object.entries(mounts)) {
      await app.register(chathooks, { webhook, prefix })
    }
    const url = await app.listen({ port: 0, host: '127.0.0.1' })
    return {
      url,
      async close() {
        await app.close()
        await Promise.all(Object.values(mounts).map((webhook) => webhook.close()))
      },
    }
  }),
)
