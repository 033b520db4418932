import { createServer } from 'node:http'
import { describeConformance, inProcessTarget, listenOnLoopback } from '@chathooks/conformance'
import { webhookMiddleware } from '../src/index.ts'
import { VERSIONS } from './helpers.ts'

for (const [name, express] of VERSIONS) {
  describeConformance(
    `@chathooks/express on ${name}`,
    inProcessTarget((mounts) => {
      const app = express()
      for (const [path, webhook] of Object.entries(mounts))
        app.use(path, webhookMiddleware(webhook))
      return listenOnLoopback(createServer(app), mounts)
    }),
  )
}
