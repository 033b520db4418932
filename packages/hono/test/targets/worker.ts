import { createScenario } from '@chathooks/conformance'
import { createWebhook, generic, secretToken, type Webhook } from '@chathooks/core'
import { getConnInfo } from 'hono/cloudflare-workers'
import { webhookApp } from '../../src/index.ts'
import { appFor, WAIT_TOKEN } from './app.ts'

// The scenario behind webhookApp as a Worker on workerd: the Hono app is the module's default
// export, as Workers users write it, so workerd hands Hono the execution context.
//
// `/wait-until` and `/unkept` are the same ack-first webhook whose handler finishes a timer
// after its answer: the first through webhookApp, the second through bare `webhook.fetch`
// with no `waitUntil`. Only work handed to `waitUntil` outlives its request on workerd, so
// `/finished` tells whether the adapter used it.

const finished = { withAdapter: 0, withoutWaitUntil: 0 }
const delayed = (counter: keyof typeof finished): Webhook =>
  createWebhook(generic({ verify: secretToken({ header: 'x-token', token: WAIT_TOKEN }) }), {
    respond: 'ack-first',
  }).on('*', async () => {
    await new Promise((resolve) => setTimeout(resolve, 20))
    finished[counter]++
  })

const scenario = createScenario()
const unkept = delayed('withoutWaitUntil')

export default appFor(scenario.mounts, { getConnInfo })
  .route('/wait-until', webhookApp(delayed('withAdapter')))
  .post('/unkept', (c) => unkept.fetch(c.req.raw))
  .get('/finished', (c) => c.json(finished))
