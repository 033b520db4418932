import type { IncomingMessage, ServerResponse } from 'node:http'
import { createWebhook, generic, secretToken } from '@chathooks/core'
import { pararam } from '@chathooks/core/pararam'
import { telegram } from '@chathooks/core/telegram'
import express, { type RequestHandler } from 'express'
import { describe, expectTypeOf, it } from 'vitest'
import { captureRawBody, type WebhookMiddleware, webhookMiddleware } from '../src/index.ts'

const verify = secretToken({ header: 'X-Token', token: 'types' })

describe('public types', () => {
  it('takes a webhook of any platform and gives Express a middleware for app.use and router.use', () => {
    const middleware = webhookMiddleware(createWebhook(telegram({ secretToken: 'types' })))
    expectTypeOf(middleware).toEqualTypeOf<WebhookMiddleware>()
    expectTypeOf(middleware).toExtend<RequestHandler>()
    express().use('/telegram', middleware)
    express.Router().use('/pararam', webhookMiddleware(createWebhook(pararam({ secret: 's' }))))
    expectTypeOf(webhookMiddleware).toBeCallableWith(createWebhook(generic({ verify })))
  })

  it('is typed by shape: a plain node:http request and response fit too', () => {
    expectTypeOf<WebhookMiddleware>().parameter(0).toExtend<IncomingMessage>()
    expectTypeOf<WebhookMiddleware>().parameter(1).toEqualTypeOf<ServerResponse>()
  })

  it('fits every body-parser as its verify hook', () => {
    express.json({ verify: captureRawBody })
    express.text({ verify: captureRawBody })
    express.raw({ verify: captureRawBody })
    express.urlencoded({ verify: captureRawBody, extended: false })
    expectTypeOf(captureRawBody).returns.toBeVoid()
  })

  it('takes a webhook and an optional address reader, and refuses anything else', () => {
    const webhook = createWebhook(generic({ verify }))
    expectTypeOf(webhookMiddleware).toBeCallableWith(webhook)
    expectTypeOf(webhookMiddleware).toBeCallableWith(webhook, {})
    expectTypeOf(webhookMiddleware).toBeCallableWith(webhook, {
      remoteAddress: (req) => req.headers['x-edge-client']?.toString(),
    })
    // @ts-expect-error not a webhook
    expectTypeOf(webhookMiddleware).toBeCallableWith({ handle: 'no' })
    // @ts-expect-error the mount path comes from app.use, not an option
    expectTypeOf(webhookMiddleware).toBeCallableWith(webhook, { basePath: '/hook' })
  })
})
