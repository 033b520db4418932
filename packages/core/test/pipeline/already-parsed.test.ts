import { createWebhook, generic, type WebhookRequest } from '@chathooks/core'
import { request, toRequest } from '@chathooks/core/testing'
import { expect, it, vi } from 'vitest'
import { SIGNED, verify } from './driver.ts'

// What a Node adapter hands over when express.json() or a similar parser ran first: the
// bytes the signature covers are gone, and the answer must say how to fix the setup.
it.each([
  ['an object', { id: 1 }],
  ['a string', '{"id":1}'],
  ['nothing', undefined],
])('answers 500 body_already_parsed when the body is %s instead of bytes', async (_, body) => {
  const handler = vi.fn()
  const webhook = createWebhook(generic({ verify })).on('*', handler)
  const parsed = { ...request({ headers: SIGNED }), body } as unknown as WebhookRequest
  const response = await webhook.handle(parsed)
  expect(response.status).toBe(500)
  expect(JSON.parse(String(response.body))).toEqual({
    error: 'body_already_parsed',
    message: expect.stringMatching(/before any body parser/),
  })
  expect(handler).not.toHaveBeenCalled()
})

// What Hono or any fetch middleware leaves when it read the body first (`c.req.json()`).
it.each([
  ['read to its end', async (req: Request) => void (await req.text())],
  ['locked by a reader', async (req: Request) => void req.body?.getReader()],
])('answers 500 body_already_parsed through fetch when the body was %s', async (_, consume) => {
  const handler = vi.fn()
  const webhook = createWebhook(generic({ verify })).on('*', handler)
  const used = toRequest(request({ headers: SIGNED, body: '{"id":1}' }))
  await consume(used)
  const response = await webhook.fetch(used)
  expect(response.status).toBe(500)
  expect(await response.json()).toEqual({
    error: 'body_already_parsed',
    message: expect.stringMatching(/before any body parser or middleware that reads the body/),
  })
  expect(handler).not.toHaveBeenCalled()
})
