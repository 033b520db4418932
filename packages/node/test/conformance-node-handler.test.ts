import { createServer } from 'node:http'
import {
  describeConformance,
  inProcessTarget,
  listenOnLoopback,
  type ScenarioMounts,
} from '@chathooks/conformance'
import { nodeHandler } from '../src/index.ts'

// The scenario's mounts on a bare http.createServer: one nodeHandler a mount, by basePath.
function byMount(mounts: ScenarioMounts) {
  const handlers = Object.entries(mounts).map(
    ([path, webhook]) => [path, nodeHandler(webhook, { basePath: path })] as const,
  )
  return createServer((req, res) => {
    const url = req.url ?? '/'
    const found = handlers.find(
      ([path]) => url.startsWith(path) && /^([/?]|$)/.test(url.slice(path.length)),
    )
    if (found === undefined) res.writeHead(404).end()
    else found[1](req, res)
  })
}

describeConformance(
  '@chathooks/node nodeHandler',
  inProcessTarget((mounts) => listenOnLoopback(byMount(mounts), mounts)),
)
