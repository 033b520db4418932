import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { createWebhook, type Platform, type WebhookRequest } from '@chathooks/core'
import { describe, expectTypeOf, it } from 'vitest'
import {
  type NodeHandler,
  nodeHandler,
  readRawBody,
  serve,
  toWebhookRequest,
  type WebhookServer,
} from '../src/index.ts'
import { verify } from './helpers.ts'

interface Reply {
  readonly say: string
}
interface Helpers {
  readonly say: (text: string) => Reply
}
type Events = { '*': { id: number }; message: { id: number; text: string } }

// A preset with its own reply and helper types: such webhooks must fit every entry point.
const chat: Platform<Events, Reply, Helpers> = {
  name: 'chat',
  verify: [verify],
  ack: () => ({ status: 200, headers: {}, body: '' }),
  reply: (value) => ({ status: 200, headers: {}, body: value.say }),
  helpers: () => ({ say: (text) => ({ say: text }) }),
}

describe('public types', () => {
  it('accepts a webhook of any platform and gives a node:http request listener', () => {
    const handler = nodeHandler(createWebhook(chat), { basePath: '/chat' })
    expectTypeOf(handler).toEqualTypeOf<NodeHandler>()
    expectTypeOf(handler).toExtend<RequestListener>()
    expectTypeOf(handler).parameters.toEqualTypeOf<[IncomingMessage, ServerResponse]>()
  })

  it('serves one typed webhook or mounts of different platforms', () => {
    expectTypeOf(serve).toBeCallableWith(createWebhook(chat), { port: 0 })
    expectTypeOf(serve).toBeCallableWith({ '/chat': createWebhook(chat) }, { port: 0, host: '::1' })
    expectTypeOf(serve).returns.resolves.toEqualTypeOf<WebhookServer>()
    expectTypeOf<WebhookServer>().toExtend<AsyncDisposable>()
    expectTypeOf<WebhookServer['url']>().toEqualTypeOf<string>()
  })

  it('types the building blocks an adapter of another framework reuses', () => {
    expectTypeOf(readRawBody).returns.resolves.toEqualTypeOf<Uint8Array | undefined>()
    expectTypeOf(toWebhookRequest).returns.toEqualTypeOf<WebhookRequest>()
  })

  it('refuses unknown options and a missing port at compile time', () => {
    // @ts-expect-error an unknown option
    expectTypeOf(nodeHandler).toBeCallableWith(createWebhook(chat), { base: '/chat' })
    // @ts-expect-error the port is required
    expectTypeOf(serve).toBeCallableWith(createWebhook(chat), {})
  })
})
