import { createWebhook } from '@chathooks/core'
import { actions, type ClustaarOptions } from '@chathooks/core/clustaar'
import { clustaar as testing } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { clock, DATE, fixtureRequest, KEY, NOW, preset, withHeaders } from './harness.ts'

const hook = (options: Partial<ClustaarOptions> = {}) =>
  createWebhook(preset(options)).on('conversation.step_reached', () => ({
    actions: [actions.sendText('in time')],
  }))
const delivery = (extra: Partial<Parameters<typeof testing.stepReached>[0]> = {}) =>
  testing.stepReached({ secret: KEY, now: clock, ...extra })

// Each of these is correctly signed over its own Date text, so only the window can refuse it.
const UNREADABLE = [
  ['in words', 'yesterday'],
  ['as Unix seconds', '1718000000'],
  ['in ISO 8601', '2024-06-10T06:13:20Z'],
  ['with a numeric zone', 'Mon, 10 Jun 2024 06:13:20 +0000'],
  ['in another zone', 'Mon, 10 Jun 2024 08:13:20 CEST'],
  ['with the wrong weekday', 'Tue, 10 Jun 2024 06:13:20 GMT'],
  ['with a lower-case month', 'Mon, 10 jun 2024 06:13:20 GMT'],
  ['with trailing text', `${DATE} extra`],
  ['empty', ''],
  ['repeated', `${DATE}, ${DATE}`],
] as const

describe.each(entries)('the clustaar Date window through %s', (_, send) => {
  it.each([-10, -9, -1, 0, 1, 9, 10])('accepts a Date %i s old', async (age) => {
    expect((await send(hook(), await delivery({ age }))).status).toBe(200)
  })

  it.each([11, 60, 86_400, -11, -60, -86_400])(
    'refuses a Date %i s old (negative: future)',
    async (age) => {
      const answer = await send(hook(), await delivery({ age }))
      expect(answer.status).toBe(401)
      // Word for word what every configuration answers, so the checks in place do not show.
      expect(answer.json).toEqual({
        error: 'timestamp_out_of_window',
        message: 'Date is not within 10 s of the current time',
      })
    },
  )

  it.each([
    [29, 200],
    [-29, 200],
    [31, 401],
    [-31, 401],
  ])('with requestMaxAge 30, answers a Date %i s old with %i', async (age, status) => {
    expect((await send(hook({ requestMaxAge: 30 }), await delivery({ age }))).status).toBe(status)
  })

  it('reads the clock on every request, so the same delivery replayed later is refused', async () => {
    let now = NOW
    const webhook = hook({ now: () => now })
    const req = await delivery()
    expect((await send(webhook, req)).status).toBe(200)
    now += 11_000
    const answer = await send(webhook, req)
    expect([answer.status, answer.json]).toMatchObject([401, { error: 'timestamp_out_of_window' }])
  })

  it('refuses a notification without a Date while the check is on', async () => {
    const req = withHeaders(await fixtureRequest('step-reached'), { date: undefined })
    const answer = await send(hook(), req)
    expect(answer.status).toBe(401)
    expect(answer.json).toEqual({ error: 'signature_missing', message: 'Missing Date header' })
  })

  it.each(UNREADABLE)('refuses a Date %s', async (_, date) => {
    const answer = await send(hook(), await delivery({ date }))
    expect([answer.status, answer.json]).toMatchObject([401, { error: 'timestamp_out_of_window' }])
  })

  it.each([
    ['IMF-fixdate', DATE],
    ['RFC 850', 'Monday, 10-Jun-24 06:13:20 GMT'],
    ['asctime', 'Mon Jun 10 06:13:20 2024'],
  ])('accepts the %s form HTTP allows', async (_, date) => {
    expect((await send(hook(), await delivery({ date }))).status).toBe(200)
  })

  it('checks the window before computing the signature', async () => {
    const old = withHeaders(await delivery({ age: 60 }), { 'x-hub-signature': 'sha1=00' })
    const answer = await send(hook(), old)
    expect(answer.json).toMatchObject({ error: 'timestamp_out_of_window' })
  })

  it('applies the window when the key is one of a rotation list', async () => {
    const webhook = hook({ privateKey: ['new-key', KEY] })
    expect((await send(webhook, await delivery({ age: 11 }))).status).toBe(401)
  })
})
