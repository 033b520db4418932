import { createWebhook, generic, secretToken } from '@chathooks/core'
import { pararam } from '@chathooks/core/pararam'
import { telegram } from '@chathooks/core/telegram'
import type { getConnInfo as nodeConnInfo } from '@hono/node-server/conninfo'
import { type Context, type Handler, Hono } from 'hono'
import type { getConnInfo as bunConnInfo } from 'hono/bun'
import type { getConnInfo as workersConnInfo } from 'hono/cloudflare-workers'
import type { GetConnInfo } from 'hono/conninfo'
import type { getConnInfo as denoConnInfo } from 'hono/deno'
import { describe, expectTypeOf, it } from 'vitest'
import { handler, type WebhookAppOptions, webhookApp } from '../src/index.ts'

const webhook = createWebhook(generic({ verify: secretToken({ header: 'x-token', token: 't' }) }))
type Bindings = { readonly HOOK_SECRET: string }

describe('public types', () => {
  it('gives a Hono app that app.route mounts, in an app with its own bindings', () => {
    expectTypeOf(webhookApp(webhook)).toEqualTypeOf<Hono>()
    const app = new Hono<{ Bindings: Bindings }>()
    expectTypeOf(app.route).toBeCallableWith('/hook', webhookApp(webhook))
    expectTypeOf(app.basePath('/api').route).toBeCallableWith('/hook', webhookApp(webhook))
    expectTypeOf(app.route('/hook', webhookApp(webhook))).toEqualTypeOf(app)
  })

  it('gives a Hono handler for one route', () => {
    expectTypeOf(handler(webhook)).toEqualTypeOf<Handler>()
    const app = new Hono<{ Bindings: Bindings }>()
    expectTypeOf(app.post).toBeCallableWith('/hook', handler(webhook))
    expectTypeOf(app.all).toBeCallableWith('/hook/*', handler(webhook))
    expectTypeOf(handler(webhook)).parameter(0).toEqualTypeOf<Context>()
  })

  it('accepts webhooks of every platform', () => {
    expectTypeOf(webhookApp).toBeCallableWith(createWebhook(pararam({ secret: 's3cret-key' })))
    expectTypeOf(handler).toBeCallableWith(createWebhook(telegram({ secretToken: 'token' })))
  })

  it('takes each runtime’s getConnInfo, or any function of the context', () => {
    // Type-only: each helper loads only on its own runtime.
    type Option = NonNullable<WebhookAppOptions['getConnInfo']>
    expectTypeOf<GetConnInfo>().toExtend<Option>()
    expectTypeOf<typeof nodeConnInfo>().toExtend<Option>()
    expectTypeOf<typeof bunConnInfo>().toExtend<Option>()
    expectTypeOf<typeof denoConnInfo>().toExtend<Option>()
    expectTypeOf<typeof workersConnInfo>().toExtend<Option>()
    expectTypeOf(webhookApp).toBeCallableWith(webhook, {
      getConnInfo: (c: Context) => ({ remote: { address: c.req.header('fly-client-ip') } }),
    })
  })

  it('refuses unknown and mistyped options at compile time', () => {
    // @ts-expect-error an unknown option
    expectTypeOf(webhookApp).toBeCallableWith(webhook, { basePath: '/hook' })
    // @ts-expect-error getConnInfo is a function
    expectTypeOf(handler).toBeCallableWith(webhook, { getConnInfo: 'hono/bun' })
  })
})
