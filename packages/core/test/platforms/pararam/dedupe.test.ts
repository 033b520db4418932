import { createWebhook } from '@chathooks/core'
import { pararam } from '@chathooks/core/pararam'
import { pararam as build } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'

const secret = 'Rk8mB3vY-dedupe-test-secret-2e4f6a8c0b1d3f5a7c9e0b2d4f6a'

/** A fresh webhook that answers every event and counts the handler runs. */
function hook() {
  const ran = vi.fn(() => 'handled')
  return { webhook: createWebhook(pararam({ secret })).on('*', ran), ran }
}

describe.each(entries)('pararam de-duplication through %s', (_, send) => {
  it('answers a repeated post with the ack, 200 {}, and runs the handlers once', async () => {
    const { webhook, ran } = hook()
    const first = await send(webhook, await build.message({ secret, chatId: 9, postNo: 70 }))
    const again = await send(webhook, await build.message({ secret, chatId: 9, postNo: 70 }))
    expect(first).toMatchObject({ status: 200, json: { text: 'handled' } })
    expect(again).toMatchObject({ status: 200, json: {} })
    expect(ran).toHaveBeenCalledOnce()
  })

  it.each([
    ['the same post number in another chat', { chatId: 10, postNo: 70 }],
    ['the next post in the same chat', { chatId: 9, postNo: 71 }],
  ])('treats %s as a new post', async (_, next) => {
    const { webhook, ran } = hook()
    await send(webhook, await build.message({ secret, chatId: 9, postNo: 70 }))
    expect((await send(webhook, await build.message({ secret, ...next }))).json).toEqual({
      text: 'handled',
    })
    expect(ran).toHaveBeenCalledTimes(2)
  })

  it('answers a repeated click with the ack and runs the handlers once', async () => {
    const { webhook, ran } = hook()
    const click = { secret, chatId: 9, postNo: 70, userId: 5, action: 'vote', params: { n: '1' } }
    await send(webhook, await build.action(click))
    expect((await send(webhook, await build.action(click))).json).toEqual({})
    expect(ran).toHaveBeenCalledOnce()
  })

  it.each([
    ['another user clicking the same link', { userId: 6 }],
    ['another link of the same post', { action: 'cancel' }],
    ['the same action with other parameters', { params: { n: '2' } }],
    ['the same action with one parameter more', { params: { n: '1', m: '1' } }],
  ])('treats %s as a new click', async (_, change) => {
    const { webhook, ran } = hook()
    const click = { secret, chatId: 9, postNo: 70, userId: 5, action: 'vote', params: { n: '1' } }
    await send(webhook, await build.action(click))
    expect((await send(webhook, await build.action({ ...click, ...change }))).json).toEqual({
      text: 'handled',
    })
    expect(ran).toHaveBeenCalledTimes(2)
  })

  it('treats parameters in another order as the same click', async () => {
    const { webhook, ran } = hook()
    const click = { secret, chatId: 9, postNo: 70, userId: 5, action: 'vote' }
    await send(webhook, await build.action({ ...click, params: { a: '1', b: '2' } }))
    await send(webhook, await build.action({ ...click, params: { b: '2', a: '1' } }))
    expect(ran).toHaveBeenCalledOnce()
  })

  it('keeps a post and a click on that post apart', async () => {
    const { webhook, ran } = hook()
    await send(webhook, await build.message({ secret, chatId: 9, postNo: 70 }))
    await send(webhook, await build.action({ secret, chatId: 9, postNo: 70 }))
    expect(ran).toHaveBeenCalledTimes(2)
  })

  it('processes the retry of a delivery whose handler failed', async () => {
    let calls = 0
    const webhook = createWebhook(pararam({ secret }))
      .on('message', () => {
        calls += 1
        if (calls === 1) throw new Error('database down')
        return 'stored'
      })
      .onError(() => undefined)
    const delivery = { secret, chatId: 9, postNo: 70 }
    expect((await send(webhook, await build.message(delivery))).status).toBe(500)
    expect((await send(webhook, await build.message(delivery))).json).toEqual({ text: 'stored' })
  })
})
