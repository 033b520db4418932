import { toRequest } from '@chathooks/core/testing'
import { bench, describe } from 'vitest'
import { benchWebhook, body, signedRequest } from './fixtures.ts'

// handle() is what the Node adapters call; fetch() adds building a Request and a Response.
// The floor is what any server does anyway: decode and parse the body.
const webhook = benchWebhook()
const bytes = signedRequest.body

describe('one signed 1 KB delivery through the pipeline', () => {
  bench('floor: JSON.parse of the body', () => {
    JSON.parse(new TextDecoder().decode(bytes))
  })
  bench('webhook.handle(request)', async () => {
    await webhook.handle(signedRequest)
  })
  bench('webhook.fetch(Request)', async () => {
    await (await webhook.fetch(toRequest(signedRequest))).text()
  })
  bench('webhook.handle with a tampered signature (401)', async () => {
    await webhook.handle({
      ...signedRequest,
      body: new TextEncoder().encode(body.replace('Ana', 'Bob')),
    })
  })
})
