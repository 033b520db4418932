import { expect } from 'vitest'
import { delivery } from '../deliveries.ts'
import { BODIES } from '../fixtures.ts'
import type { Case } from '../suite.ts'

/** What happens after verification: failures, repeats, and work done after the answer. */
export function deliveryCases(test: Case, cannotDrain: string | undefined): void {
  test('answers 500 handler_failed when a handler throws, and calls onError once', async (target) => {
    const answer = await target.send(
      await delivery('{"id":"fails-1","fail":true}', { url: '/generic' }),
    )
    expect(answer.status).toBe(500)
    expect(answer.json).toMatchObject({ error: 'handler_failed' })
    expect(answer.text).not.toContain('as the delivery asked')
    expect((await target.observe()).errors).toEqual([
      { mount: '/generic', message: 'the handler failed, as the delivery asked', withEvent: true },
    ])
  })

  test('acknowledges a duplicate delivery and dispatches it once', async (target) => {
    const signed = await delivery(BODIES.compact, { url: '/generic' })
    const first = await target.send(signed)
    const repeat = await target.send(signed)
    expect([first.status, repeat.status]).toEqual([200, 200])
    expect(repeat.json).toEqual({})
    expect((await target.observe()).deliveries).toHaveLength(1)
  })

  test('answers an ack-first delivery before its handler finishes', async (target) => {
    const answer = await target.send(await delivery(BODIES.compact, { url: '/ack-first' }))
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({})
    expect((await target.observe()).ackFirst).toEqual({ started: 1, finished: 0 })
  })

  if (cannotDrain === undefined) {
    test('makes close() wait for ack-first work still running', async (target) => {
      await target.send(await delivery(BODIES.compact, { url: '/ack-first' }))
      expect((await target.observe()).ackFirst).toEqual({ started: 1, finished: 0 })
      const final = await target.close()
      expect(final?.ackFirst).toEqual({ started: 1, finished: 1 })
      expect(final?.logs).toEqual([])
    })
  } else {
    test(`finishes ack-first work once released (close() cannot drain: ${cannotDrain})`, async (target) => {
      await target.send(await delivery(BODIES.compact, { url: '/ack-first' }))
      expect((await target.release()).ackFirst).toEqual({ started: 1, finished: 1 })
    })
  }
}
