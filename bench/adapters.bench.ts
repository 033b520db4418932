import { afterAll, beforeAll, bench, describe } from 'vitest'
import { expectAnswer } from './expect-answer.ts'
import { benchWebhook, reply, signedRequest } from './fixtures.ts'
import { createKeepAliveClient } from './http-client.ts'
import {
  bareServer,
  expressServer,
  fastifyServer,
  honoServer,
  nodeServer,
  type RunningServer,
} from './servers.ts'

// The same signed delivery over real HTTP on 127.0.0.1, one request at a time on a kept-alive
// connection, to a bare node:http server (the floor: read, parse, answer) and to each adapter.
// Client and servers share this process, so every line includes the client's own cost.
const client = createKeepAliveClient()
const headers = {
  ...signedRequest.headers,
  'content-length': String(signedRequest.body.byteLength),
}
const answer = JSON.stringify(reply)
const starts: Readonly<Record<string, () => Promise<RunningServer>>> = {
  'floor: bare node:http server': () => bareServer(answer),
  '@chathooks/node serve': () => nodeServer(benchWebhook()),
  'Express 5 + webhookMiddleware': () => expressServer(benchWebhook()),
  'Fastify 5 + @chathooks/fastify': () => fastifyServer(benchWebhook()),
  'Hono on @hono/node-server + webhookApp': () => honoServer(benchWebhook()),
}
const servers = new Map<string, RunningServer>()
// Every server gets these first, so the client's and node:http's code is compiled before the
// first line is timed, not during it.
const WARM_UP_REQUESTS = 500

beforeAll(async () => {
  for (const [name, start] of Object.entries(starts)) {
    const server = await start()
    servers.set(name, server)
    expectAnswer(name, await client.post(server.url, headers, signedRequest.body), 200, answer)
  }
  for (const server of servers.values()) {
    for (let sent = 0; sent < WARM_UP_REQUESTS; sent++) {
      await client.post(server.url, headers, signedRequest.body)
    }
  }
})

afterAll(async () => {
  client.close()
  await Promise.all([...servers.values()].map((server) => server.close()))
})

describe('one signed 1 KB delivery over keep-alive HTTP on 127.0.0.1', () => {
  for (const name of Object.keys(starts)) {
    bench(
      name,
      async () => {
        const server = servers.get(name) as RunningServer
        await client.post(server.url, headers, signedRequest.body)
      },
      { time: 1000, warmupTime: 200 },
    )
  }
})
