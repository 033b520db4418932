import { createWebhook, JSONKeyEquals } from '@chathooks/core'
import { extractUrlKey, type PararamReply, pararam, reply } from '@chathooks/core/pararam'
import { pararam as build, request, sign } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'

const secret = 'Dp5sW1qE-dispatch-test-secret-8c7b6a5f4e3d2c1b0a9f8e7d6c'
const hook = () => createWebhook(pararam({ secret }))
const signed = async (route: string, body: string) =>
  request({
    url: `/${extractUrlKey(secret)}${route}`,
    body,
    headers: { 'x-signature': await sign(body, { secret }) },
  })

describe.each(entries)('pararam dispatch through %s', (_, send) => {
  it('runs several handlers in registration order until one answers', async () => {
    const order: string[] = []
    const webhook = hook()
      .on('message', () => {
        order.push('log')
      })
      .on('*', ({ name }) => {
        order.push(`audit ${name}`)
      })
      .on('message', ({ payload }) => {
        order.push('answer')
        return `got: ${payload.text}`
      })
      .on('message', () => {
        order.push('never')
        return 'too late'
      })
    const answer = await send(webhook, await build.message({ secret, text: 'ping' }))
    expect(answer).toMatchObject({ status: 200, json: { text: 'got: ping' } })
    expect(order).toEqual(['log', 'audit message', 'answer'])
  })

  it.each<[string, PararamReply, unknown]>([
    ['a string as {"text": ...}', 'Привет 👋', { text: 'Привет 👋' }],
    ['reply.text like a string', reply.text('done'), { text: 'done' }],
    ['an empty string as an empty text', '', { text: '' }],
    ['an object as its JSON', { text: 'hi', extra: [1, 2] }, { text: 'hi', extra: [1, 2] }],
  ])('answers %s', async (_, value, json) => {
    const answer = await send(
      hook().on('message', () => value),
      await build.message({ secret }),
    )
    expect(answer).toMatchObject({ status: 200, json })
    expect(answer.headers['content-type']).toMatch(/^application\/json/)
  })

  it('answers 200 {} when the handlers return nothing', async () => {
    const handler = vi.fn()
    const answer = await send(hook().on('message', handler), await build.message({ secret }))
    expect(answer).toMatchObject({ status: 200, json: {} })
    expect(handler).toHaveBeenCalledOnce()
  })

  it('answers 200 {} when no handler is registered for the event', async () => {
    const onMessage = vi.fn(() => 'not for actions')
    const answer = await send(hook().on('message', onMessage), await build.action({ secret }))
    expect(answer).toMatchObject({ status: 200, json: {} })
    expect(onMessage).not.toHaveBeenCalled()
  })

  it('hands an action handler the link, its parameters and the post', async () => {
    const seen = vi.fn()
    const webhook = hook().on('action', ({ name, payload }) => {
      seen(name, payload)
      return reply.text(`voted ${payload.params.option}`)
    })
    const delivery = await build.action({
      secret,
      action: 'vote',
      params: { option: '2' },
      chatId: 42,
      postNo: 7,
    })
    expect((await send(webhook, delivery)).json).toEqual({ text: 'voted 2' })
    expect(seen).toHaveBeenCalledWith(
      'action',
      expect.objectContaining({ action: 'vote', params: { option: '2' }, chat_id: 42, post_no: 7 }),
    )
  })

  it('routes actions by name with a filter', async () => {
    const webhook = hook()
      .on('action', () => 'voted', JSONKeyEquals('action', 'vote'))
      .on('action', () => 'other')
    expect((await send(webhook, await build.action({ secret, action: 'vote' }))).json).toEqual({
      text: 'voted',
    })
    expect((await send(webhook, await build.action({ secret, action: 'cancel' }))).json).toEqual({
      text: 'other',
    })
  })

  it('reads absent nullable fields as null and passes unknown fields through', async () => {
    const seen = vi.fn()
    const webhook = hook().on('message', ({ payload }) => {
      seen(payload)
    })
    const body =
      '{"user_id":1,"user_unique_name":"ana","chat_id":2,"post_no":3,"text":"hi","topic":"x"}'
    expect((await send(webhook, await signed('', body))).status).toBe(200)
    expect(seen).toHaveBeenCalledWith({
      user_id: 1,
      user_unique_name: 'ana',
      chat_id: 2,
      post_no: 3,
      text: 'hi',
      topic: 'x',
      organization_id: null,
      text_parsed: null,
      reply_no: null,
      reply_text: null,
      file_guid: null,
      file_name: null,
      attachments: null,
    })
  })

  it('reads an action without params as one with {}', async () => {
    const seen = vi.fn()
    const webhook = hook().on('action', ({ payload }) => {
      seen(payload.params)
    })
    const body = '{"user_id":1,"chat_id":2,"post_no":3,"action":"ping"}'
    expect((await send(webhook, await signed('/act', body))).status).toBe(200)
    expect(seen).toHaveBeenCalledWith({})
  })

  it('answers 500 and tells onError when a handler throws', async () => {
    const onError = vi.fn()
    const webhook = hook()
      .on('message', () => {
        throw new Error('boom')
      })
      .onError(onError)
    const answer = await send(webhook, await build.message({ secret }))
    expect(answer).toMatchObject({ status: 500, json: { error: 'handler_failed' } })
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ message: 'boom' }),
      expect.objectContaining({ name: 'message' }),
    )
  })
})

describe('reply.text', () => {
  it('throws a TypeError on text that is not a string', () => {
    expect(() => reply.text(42 as unknown as string)).toThrow(TypeError)
  })
})
