import { expect } from 'vitest'
import { delivery } from '../deliveries.ts'
import { BODIES, LIMIT } from '../fixtures.ts'
import type { Harness } from '../harness.ts'
import { toHex } from '../observer.ts'
import type { Case, Cases } from '../suite.ts'

const encoder = new TextEncoder()

/** A JSON body of exactly `size` bytes. */
function sized(size: number): string {
  const frame = '{"id":"sized","pad":""}'
  return frame.replace('""', `"${'x'.repeat(size - frame.length)}"`)
}

async function servesAfterwards(target: Harness): Promise<void> {
  const answer = await target.send(await delivery(BODIES.compact, { url: '/generic' }))
  expect(answer.status).toBe(200)
}

/** Raw bytes: what a handler sees, how much is read, and how a body may be framed. */
export function bodyCases(test: Case, table: Cases): void {
  table(
    Object.entries(BODIES),
    ([name]) => `verifies the ${name} body and hands the handler its exact bytes`,
    async (target, [, body]) => {
      const answer = await target.send(await delivery(body, { url: '/generic' }))
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual({ received: JSON.parse(body), url: '/' })
      const [seen] = (await target.observe()).deliveries
      expect(seen?.body).toBe(toHex(encoder.encode(body)))
    },
  )

  test('verifies a chunked body like a sized one', async (target) => {
    const signed = await delivery(BODIES.pretty, { url: '/generic' })
    const answer = await target.sendChunked(signed, { parts: 3, finish: true })
    expect(answer.status).toBe(200)
    const [seen] = (await target.observe()).deliveries
    expect(seen?.body).toBe(toHex(encoder.encode(BODIES.pretty)))
  })

  test('accepts a body of exactly maxBodyBytes', async (target) => {
    const answer = await target.send(await delivery(sized(LIMIT), { url: '/generic' }))
    expect(answer.status).toBe(200)
  })

  table(
    [
      ['with a Content-Length', 'sized'],
      ['chunked, without a Content-Length', 'chunked'],
      ['chunked, before the body even ends', 'unfinished'],
    ] as const,
    ([how]) => `refuses a body one byte over maxBodyBytes sent ${how} with 413, then keeps serving`,
    async (target, [, framing]) => {
      const signed = await delivery(sized(LIMIT + 1), { url: '/generic' })
      const answer =
        framing === 'sized'
          ? await target.send(signed)
          : await target.sendChunked(signed, { parts: 4, finish: framing === 'chunked' })
      expect(answer.status).toBe(413)
      expect(answer.json).toMatchObject({ error: 'body_too_large' })
      await servesAfterwards(target)
      expect((await target.observe()).deliveries).toHaveLength(1)
    },
  )

  test('keeps serving after a client disconnects mid-body', async (target) => {
    await target.abandon(await delivery(BODIES.pretty, { url: '/generic' }), 10)
    await servesAfterwards(target)
    const observed = await target.observe()
    expect(observed.deliveries.map((seen) => seen.body)).toEqual([
      toHex(encoder.encode(BODIES.compact)),
    ])
    expect(observed.logs).toEqual([])
  })
}
