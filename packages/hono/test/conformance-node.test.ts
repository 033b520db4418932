import type { Server } from 'node:http'
import { describeConformance, inProcessTarget, listenOnLoopback } from '@chathooks/conformance'
import { createAdaptorServer } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { expect, it } from 'vitest'
import { addressSeen } from './address.ts'
import { appFor } from './targets/app.ts'

const NAME = '@chathooks/hono webhookApp on @hono/node-server'

// `serve()` is `createAdaptorServer()` plus `listen()`; the suite's own listenOnLoopback does
// the listening, and the closing that lets requests in flight finish and drains the webhooks.
const target = inProcessTarget((mounts) => {
  const app = appFor(mounts, { getConnInfo })
  return listenOnLoopback(createAdaptorServer({ fetch: app.fetch }) as Server, mounts)
})

describeConformance(NAME, target)

it(`hands the webhook the client address from @hono/node-server's getConnInfo [${NAME}]`, async () => {
  expect(await addressSeen(target)).toEqual({ address: '127.0.0.1' })
})
