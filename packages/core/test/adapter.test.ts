import { createWebhook, generic, type WebhookError } from '@chathooks/core'
import { belowMount, bodyTooLarge, notFound, toMountPath } from '@chathooks/core/adapter'
import { request } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { SIGNED, verify } from './pipeline/driver.ts'

describe('mount paths', () => {
  it.each([
    ['/telegram', '/telegram'],
    ['/telegram/', '/telegram'],
    ['/', ''],
    ['/a/b//', '/a/b'],
  ])('reads %s as the prefix %j', (given, prefix) => {
    expect(toMountPath('serve', 'mount', given)).toBe(prefix)
  })

  it.each(['telegram', '', '/a?b', '/a#b', '/a b', 7])('refuses %j, naming the option', (given) => {
    expect(() => toMountPath('serve', 'mount "x"', given)).toThrow(
      new TypeError('serve: mount "x" must be a path starting with "/", like "/telegram"'),
    )
  })

  it.each([
    ['/pararam/k3y/act?x=1', '/pararam', '/k3y/act?x=1'],
    ['/pararam', '/pararam', '/'],
    ['/pararam?x=1', '/pararam', '/?x=1'],
    ['/pararamx', '/pararam', undefined],
    ['/other/pararam', '/pararam', undefined],
    ['/anything', '', '/anything'],
  ])('puts %s below %j at %j', (url, mount, below) => {
    expect(belowMount(url, mount)).toBe(below)
  })
})

describe('webhook.refuse', () => {
  it('answers an adapter-made refusal as the webhook answers its own', async () => {
    const webhook = createWebhook(generic({ verify }), { maxBodyBytes: 4 })
    const own = await webhook.handle(request({ headers: SIGNED, body: '{"a":1}' }))
    expect(webhook.refuse(bodyTooLarge(4))).toEqual(own)
    expect(webhook.refuse(notFound())).toMatchObject({
      status: 404,
      body: JSON.stringify({ error: 'not_found', message: 'No webhook route matches this path' }),
    })
  })

  it("uses the platform's own envelope", () => {
    const webhook = createWebhook({
      ...generic({ verify }),
      error: (error: WebhookError) => ({ status: error.status, headers: {}, body: error.code }),
    })
    expect(webhook.refuse(bodyTooLarge(1))).toEqual({
      status: 413,
      headers: {},
      body: 'body_too_large',
    })
  })
})
