import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { AnyWebhook } from '@chathooks/core'
import { webhookMiddleware } from '@chathooks/express'
import chathooks from '@chathooks/fastify'
import { webhookApp } from '@chathooks/hono'
import { serve } from '@chathooks/node'
import { serve as serveHono } from '@hono/node-server'
import express from 'express'
import Fastify from 'fastify'
import { Hono } from 'hono'

/** A server listening on 127.0.0.1, with the URL its webhook answers on. */
export interface RunningServer {
  readonly url: URL
  close(): Promise<void>
}

const HOST = '127.0.0.1'
/** Where every server mounts its webhook. */
const MOUNT = '/hook'

/**
 * The floor: `node:http` reading the body to its end, parsing it and answering `reply` as JSON,
 * with no verification at all.
 *
 * @example
 * ```ts
 * const server = await bareServer('{"ok":true}')
 * ```
 */
export function bareServer(reply: string): Promise<RunningServer> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString())
      res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(reply)
    })
  })
  return listen(server, async () => {})
}

/** `@chathooks/node`'s `serve`, the webhook mounted at `/hook`. */
export async function nodeServer(webhook: AnyWebhook): Promise<RunningServer> {
  const server = await serve({ [MOUNT]: webhook }, { port: 0, host: HOST })
  return { url: new URL(MOUNT, server.url), close: () => server.close() }
}

/** Express 5 with `webhookMiddleware` at `/hook`. */
export function expressServer(webhook: AnyWebhook): Promise<RunningServer> {
  const app = express()
  app.use(MOUNT, webhookMiddleware(webhook))
  return listen(createServer(app), () => webhook.close())
}

/** Fastify 5 with the plugin registered under the prefix `/hook`. */
export async function fastifyServer(webhook: AnyWebhook): Promise<RunningServer> {
  const app = Fastify()
  await app.register(chathooks, { webhook, prefix: MOUNT })
  const address = await app.listen({ host: HOST, port: 0 })
  return {
    url: new URL(MOUNT, address),
    close: async () => {
      await app.close()
      await webhook.close()
    },
  }
}

/** Hono on `@hono/node-server`, `webhookApp` routed at `/hook`. */
export function honoServer(webhook: AnyWebhook): Promise<RunningServer> {
  const app = new Hono().route(MOUNT, webhookApp(webhook))
  return new Promise((resolve) => {
    const server = serveHono({ fetch: app.fetch, hostname: HOST, port: 0 }, ({ port }) =>
      resolve({
        url: new URL(MOUNT, `http://${HOST}:${port}`),
        close: async () => {
          await new Promise((closed) => server.close(closed))
          await webhook.close()
        },
      }),
    )
  })
}

async function listen(server: Server, drain: () => Promise<void>): Promise<RunningServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject).listen(0, HOST, resolve)
  })
  const { port } = server.address() as AddressInfo
  return {
    url: new URL(MOUNT, `http://${HOST}:${port}`),
    close: async () => {
      await new Promise((closed) => server.close(closed))
      await drain()
    },
  }
}
