import { expect } from 'vitest'
import { delivery } from '../deliveries.ts'
import { BODIES, URL_KEY } from '../fixtures.ts'
import type { Case, Cases } from '../suite.ts'

const NOT_FOUND = { error: 'not_found', message: 'No webhook route matches this path' }

/** Statuses and error bodies: the answers a sender's retry logic depends on. */
export function statusCases(test: Case, table: Cases): void {
  test('answers 200 with the handler reply to a signed delivery', async (target) => {
    const answer = await target.send(await delivery(BODIES.compact, { url: '/generic' }))
    expect(answer.status).toBe(200)
    expect(answer.headers['content-type']).toMatch(/^application\/json/)
    expect(answer.json).toEqual({ received: JSON.parse(BODIES.compact), url: '/' })
  })

  table(
    [
      ['a tampered body', 'signature_invalid', { tamper: true }],
      ['a missing signature', 'signature_missing', { unsigned: true }],
      ['a delivery replayed 301 s later', 'timestamp_out_of_window', { age: 301 }],
      ['a delivery signed 301 s ahead', 'timestamp_out_of_window', { age: -301 }],
    ] as const,
    ([what, code]) => `refuses ${what} with 401 ${code} and runs no handler`,
    async (target, [, code, options]) => {
      const answer = await target.send(
        await delivery(BODIES.compact, { url: '/generic', ...options }),
      )
      expect(answer.status).toBe(401)
      expect(answer.json).toMatchObject({ error: code })
      expect((await target.observe()).deliveries).toEqual([])
    },
  )

  table(
    [
      ['a wrong URL key', '/keyed/wrong-key'],
      ['an unknown route below the right key', `/keyed/${URL_KEY}/nope`],
      ['a missing URL key', '/keyed'],
    ] as const,
    ([what]) => `answers 404 not_found, alike, to ${what}`,
    async (target, [, url]) => {
      const answer = await target.send(await delivery(BODIES.compact, { url }))
      expect(answer.status).toBe(404)
      expect(answer.json).toEqual(NOT_FOUND)
    },
  )

  table(
    [['GET'], ['PUT'], ['DELETE']] as const,
    ([method]) => `answers 405 with Allow: POST to a ${method}`,
    async (target, [method]) => {
      const answer = await target.send(await delivery(BODIES.compact, { url: '/generic', method }))
      expect(answer.status).toBe(405)
      expect(answer.headers.allow).toBe('POST')
      expect(answer.json).toMatchObject({ error: 'method_not_allowed' })
    },
  )

  test('answers 400 invalid_json to a signed body that is not JSON', async (target) => {
    const answer = await target.send(await delivery('{"id":', { url: '/generic' }))
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: 'invalid_json' })
  })

  table(
    [
      [`/keyed/${URL_KEY}`, `/${URL_KEY}`],
      [`/keyed/${URL_KEY}/act`, `/${URL_KEY}/act`],
      [`/keyed/${URL_KEY}/act?via=conformance`, `/${URL_KEY}/act?via=conformance`],
    ] as const,
    ([url, seen]) => `routes ${url} below its mount path, where the webhook sees ${seen}`,
    async (target, [url, seen]) => {
      const answer = await target.send(await delivery(BODIES.compact, { url }))
      expect(answer.status).toBe(200)
      expect(answer.json).toEqual({ received: JSON.parse(BODIES.compact), url: seen })
    },
  )
}
