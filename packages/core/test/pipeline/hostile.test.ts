import { createWebhook, generic, type Platform } from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it, vi } from 'vitest'
import { entries, SIGNED, verify } from './driver.ts'

const post = (body: string) => request({ headers: SIGNED, body })

// User and preset functions assume the payload's shape; a sender that breaks the assumption
// gets a 400 it will not retry, never a 500 it would retry for a day.
describe.each(entries)('payloads that break platform functions, through %s', (_, send) => {
  it.each(['null', '42', '"text"', '[]'])(
    'answers 400 invalid_payload when the event name cannot be read from %s',
    async (body) => {
      const handler = vi.fn()
      const platform = generic({
        verify,
        event: (payload) => (payload as { kind: string }).kind.trim(),
      })
      const answer = await send(createWebhook(platform).on('*', handler), post(body))
      expect(answer.status).toBe(400)
      expect(answer.json).toEqual({
        error: 'invalid_payload',
        message: expect.stringMatching(/event name/),
      })
      expect(handler).not.toHaveBeenCalled()
    },
  )

  it('answers 400 invalid_payload when the idempotency key cannot be read', async () => {
    const handler = vi.fn()
    const platform = generic({
      verify,
      idempotencyKey: (payload) => (payload as { id: { v: string } }).id.v,
    })
    const answer = await send(createWebhook(platform).on('*', handler), post('{}'))
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: 'invalid_payload' })
    expect(handler).not.toHaveBeenCalled()
  })

  it('answers 400 invalid_json when a platform parser throws on the bytes', async () => {
    const strict: Platform = {
      ...generic({ verify }),
      parse: () => {
        throw new SyntaxError('Unexpected token')
      },
    }
    const answer = await send(createWebhook(strict), post('{"a":1}'))
    expect(answer.status).toBe(400)
    expect(answer.json).toMatchObject({ error: 'invalid_json' })
  })

  it('falls back to the plain JSON error and reports it when the platform error encoder throws', async () => {
    const onError = vi.fn()
    const crash = new Error('encoder bug')
    const broken: Platform = {
      ...generic({ verify }),
      error: () => {
        throw crash
      },
    }
    const answer = await send(createWebhook(broken).onError(onError), request({ body: '{}' }))
    expect(answer.status).toBe(401)
    expect(answer.json).toMatchObject({ error: 'signature_missing' })
    expect(onError).toHaveBeenCalledWith(crash, undefined)
  })
})
