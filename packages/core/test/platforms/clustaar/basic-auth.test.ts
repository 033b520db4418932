import { createWebhook } from '@chathooks/core'
import { actions, type ClustaarOptions, clustaar } from '@chathooks/core/clustaar'
import { clustaar as testing } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { basic, clock, KEY, withHeaders } from './harness.ts'

const USER = 'clustaar'
const PASSWORD = 'p@ss:word:with:colons'
const hook = (options: ClustaarOptions) =>
  createWebhook(clustaar({ now: clock, ...options })).on('conversation.step_reached', () => ({
    actions: [actions.sendText('authenticated')],
  }))
const basicOnly = (options: Partial<ClustaarOptions> = {}) =>
  hook({ username: USER, password: PASSWORD, ...options })
const delivery = (extra: Partial<Parameters<typeof testing.stepReached>[0]> = {}) =>
  testing.stepReached({ secret: KEY, username: USER, password: PASSWORD, now: clock, ...extra })

describe.each(entries)('clustaar basic auth through %s', (_, send) => {
  it('accepts the configured credentials, with colons inside the password (RFC 7617)', async () => {
    const answer = await send(basicOnly(), await delivery())
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({
      actions: [{ type: 'send_text_action', alternatives: ['authenticated'] }],
    })
  })

  it.each([
    ['a wrong password', basic(USER, 'p@ss:word')],
    ['a wrong user', basic('clustaar2', PASSWORD)],
    ['another scheme', `Bearer ${PASSWORD}`],
    ['credentials that are not Base64', 'Basic !!!'],
  ])('refuses %s with 401 and a challenge', async (_, authorization) => {
    const answer = await send(basicOnly(), withHeaders(await delivery(), { authorization }))
    expect([answer.status, answer.json]).toMatchObject([401, { error: 'unauthorized' }])
    expect(answer.headers['www-authenticate']).toMatch(/^Basic realm=/)
  })

  it('refuses a notification without credentials', async () => {
    const answer = await send(basicOnly(), await delivery({ unsigned: true }))
    expect([answer.status, answer.json]).toMatchObject([401, { error: 'unauthorized' }])
  })

  it('accepts every password of a rotation list', async () => {
    const webhook = basicOnly({ password: ['new-password', PASSWORD] })
    expect((await send(webhook, await delivery({ password: 'new-password' }))).status).toBe(200)
    expect((await send(webhook, await delivery())).status).toBe(200)
    expect((await send(webhook, await delivery({ password: 'old-password' }))).status).toBe(401)
  })

  it('keeps the Date window with basic auth only, in both directions', async () => {
    expect((await send(basicOnly(), await delivery({ age: 10 }))).status).toBe(200)
    for (const age of [11, -11]) {
      const answer = await send(basicOnly(), await delivery({ age }))
      expect(answer.status).toBe(401)
      // Word for word what every configuration answers, so the checks in place do not show.
      expect(answer.json).toEqual({
        error: 'timestamp_out_of_window',
        message: 'Date is not within 10 s of the current time',
      })
    }
  })

  it('refuses a missing or unreadable Date with basic auth only, as with a key', async () => {
    const missing = await send(basicOnly(), withHeaders(await delivery(), { date: undefined }))
    expect(missing.json).toEqual({ error: 'signature_missing', message: 'Missing Date header' })
    const unreadable = await send(basicOnly(), await delivery({ date: '2024-06-10T06:13:20Z' }))
    expect([unreadable.status, unreadable.json]).toMatchObject([
      401,
      { error: 'timestamp_out_of_window' },
    ])
  })

  it('accepts any Date, or none, with basic auth only and requestMaxAge false', async () => {
    const webhook = basicOnly({ requestMaxAge: false })
    expect((await send(webhook, await delivery({ age: 86_400 }))).status).toBe(200)
    expect((await send(webhook, withHeaders(await delivery(), { date: undefined }))).status).toBe(
      200,
    )
  })

  describe('with a private key as well', () => {
    const both = () => hook({ privateKey: KEY, username: USER, password: PASSWORD })

    it('accepts a notification that passes both', async () => {
      expect((await send(both(), await delivery())).status).toBe(200)
    })

    it('refuses good credentials on a forged body', async () => {
      const answer = await send(both(), await delivery({ tamper: true }))
      expect([answer.status, answer.json]).toMatchObject([401, { error: 'signature_invalid' }])
    })

    it('refuses a good signature without credentials', async () => {
      const req = withHeaders(await delivery(), { authorization: undefined })
      const answer = await send(both(), req)
      expect([answer.status, answer.json]).toMatchObject([401, { error: 'unauthorized' }])
    })
  })
})
