import { createWebhook, generic, type WebhookRequest } from '@chathooks/core'
import { request } from '@chathooks/core/testing'
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
