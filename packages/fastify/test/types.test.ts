import { type AnyWebhook, createWebhook, generic, secretToken } from '@chathooks/core'
import { telegram } from '@chathooks/core/telegram'
import Fastify, { type FastifyPluginAsync } from 'fastify'
import { describe, expectTypeOf, it } from 'vitest'
import chathooks, { type WebhookPluginOptions } from '../src/index.ts'

const webhook = createWebhook(generic({ verify: secretToken({ header: 'X-Token', token: 't' }) }))

// `register` is only type-checked here: nothing is started.
describe('public types', () => {
  it('is a Fastify plugin taking a webhook of any platform', () => {
    expectTypeOf(chathooks).toEqualTypeOf<FastifyPluginAsync<WebhookPluginOptions>>()
    expectTypeOf<WebhookPluginOptions>().toEqualTypeOf<{ readonly webhook: AnyWebhook }>()
    expectTypeOf(createWebhook(telegram({ secretToken: 't' }))).toExtend<AnyWebhook>()
  })

  it('registers with a webhook and Fastify’s own prefix', () => {
    const app = Fastify()
    expectTypeOf(app.register(chathooks, { webhook, prefix: '/hook' })).not.toBeAny()
    app.register(chathooks, { webhook })
    app.register(chathooks, { webhook, prefix: '/hook', logLevel: 'warn' })
    app.addHook('onClose', () => webhook.close())
  })

  it('refuses a missing webhook, a misspelt option and a wrong type at compile time', () => {
    const app = Fastify()
    // @ts-expect-error the webhook is required
    app.register(chathooks, { prefix: '/hook' })
    // @ts-expect-error an unknown option
    app.register(chathooks, { webhook, prefx: '/hook' })
    // @ts-expect-error not a webhook
    app.register(chathooks, { webhook: { handle: 'no' }, prefix: '/hook' })
  })
})
