import { createWebhook, generic } from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries, SIGNED, verify } from './driver.ts'

function gate() {
  let open: () => void = () => undefined
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  return { opened, open }
}

/** An ack-first webhook whose one handler waits for `open()` and then records that it finished. */
function gatedWebhook() {
  const { opened, open } = gate()
  let done = false
  const webhook = createWebhook(generic({ verify }), { respond: 'ack-first' }).on('*', async () => {
    await opened
    done = true
  })
  return { webhook, open, finished: () => done }
}

/** Lets every queued callback run, so "still pending" means pending, not "not yet scheduled". */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

const keyed = generic({ verify, idempotencyKey: (payload) => (payload as { id: string }).id })
const post = (body = '{"id":"d-1"}') => request({ headers: SIGNED, body })

describe.each(entries)("respond: 'ack-first' through %s", (_, send) => {
  it('answers the ack while the handler is still running', async () => {
    const { opened, open } = gate()
    const steps: string[] = []
    const webhook = createWebhook(generic({ verify }), { respond: 'ack-first' }).on(
      '*',
      async () => {
        steps.push('started')
        await opened
        steps.push('finished')
        return { ignored: true }
      },
    )
    const answer = await send(webhook, post())
    expect(answer).toMatchObject({ status: 200, json: {} })
    expect(steps).toEqual(['started'])
    open()
    await webhook.close()
    expect(steps).toEqual(['started', 'finished'])
  })

  it('hands the background work to waitUntil', async () => {
    const { webhook, open, finished } = gatedWebhook()
    const waitUntil = vi.fn<(promise: Promise<unknown>) => void>()
    await send(webhook, post(), { waitUntil })
    expect(waitUntil).toHaveBeenCalledTimes(1)
    const work = waitUntil.mock.calls[0]?.[0]
    expect(work).toBeInstanceOf(Promise)
    open()
    await work
    expect(finished()).toBe(true)
  })

  it('makes close() wait for the background handler', async () => {
    const { webhook, open, finished } = gatedWebhook()
    await send(webhook, post())
    let closed = false
    const closing = webhook.close().then(() => {
      closed = true
    })
    await settle()
    expect(closed).toBe(false)
    open()
    await closing
    expect(finished()).toBe(true)
  })

  it('makes close() wait for a request still in the pipeline when close() was called', async () => {
    const store = gate()
    const handler = vi.fn()
    const slowStore = {
      claim: async () => {
        await store.opened
        return true
      },
      release: () => undefined,
    }
    const webhook = createWebhook(keyed, { respond: 'ack-first', store: slowStore }).on(
      '*',
      handler,
    )
    const answering = send(webhook, post())
    await settle()
    let closed = false
    const closing = webhook.close().then(() => {
      closed = true
    })
    await settle()
    expect(closed).toBe(false)
    store.open()
    expect((await answering).status).toBe(200)
    await closing
    expect(handler).toHaveBeenCalledTimes(1)
  })

  it('reports a background failure to onError and releases the key for a retry', async () => {
    const onError = vi.fn()
    const failure = new Error('downstream is down')
    const handler = vi.fn().mockRejectedValueOnce(failure).mockResolvedValue(undefined)
    const webhook = createWebhook(keyed, { respond: 'ack-first' }).on('*', handler).onError(onError)
    const waitUntil = vi.fn<(promise: Promise<unknown>) => void>()

    const first = await send(webhook, post(), { waitUntil })
    expect(first.status).toBe(200)
    await waitUntil.mock.calls[0]?.[0]
    expect(onError).toHaveBeenCalledWith(
      failure,
      expect.objectContaining({ payload: { id: 'd-1' }, name: '*' }),
    )

    await send(webhook, post(), { waitUntil })
    await waitUntil.mock.calls[1]?.[0]
    expect(handler).toHaveBeenCalledTimes(2)
  })

  it('still drops a duplicate of a delivery whose handler succeeded', async () => {
    const handler = vi.fn()
    const webhook = createWebhook(keyed, { respond: 'ack-first' }).on('*', handler)
    const first = await send(webhook, post())
    const repeat = await send(webhook, post())
    await webhook.close()
    expect([first.status, repeat.status]).toEqual([200, 200])
    expect(handler).toHaveBeenCalledTimes(1)
  })
})
