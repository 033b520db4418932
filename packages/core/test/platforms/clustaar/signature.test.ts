import { createWebhook } from '@chathooks/core'
import { actions, type ClustaarOptions } from '@chathooks/core/clustaar'
import { request, sign, clustaar as testing } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import {
  clock,
  DATE,
  fixture,
  fixtureRequest,
  KEY,
  NOW,
  preset,
  signatureOf,
  withHeaders,
} from './harness.ts'

const REPLY = { actions: [actions.sendText('verified')] }
const hook = (options: Partial<ClustaarOptions> = {}) =>
  createWebhook(preset(options)).on('conversation.step_reached', () => REPLY)
const delivery = (extra: Partial<Parameters<typeof testing.stepReached>[0]> = {}) =>
  testing.stepReached({ secret: KEY, now: clock, ...extra })
const sha1 = (bytes: string | Uint8Array | readonly (string | Uint8Array)[], secret = KEY) =>
  sign(bytes, { secret, algorithm: 'sha1', prefix: 'sha1=' })

describe.each(entries)('clustaar signature through %s', (_, send) => {
  it('accepts the PROTOCOLS.md sample with the signature openssl computed', async () => {
    const answer = await send(hook(), await fixtureRequest('step-reached'))
    expect(answer.status).toBe(200)
    expect(answer.json).toEqual({
      actions: [{ type: 'send_text_action', alternatives: ['verified'] }],
    })
  })

  it('accepts a pretty-printed non-ASCII fixture, signed by openssl over its exact bytes', async () => {
    const answer = await send(hook(), await fixtureRequest('step-reached-pretty'))
    expect(answer.status).toBe(200)
  })

  it('refuses the same notification re-serialized, which is no longer the signed bytes', async () => {
    const signed = await fixtureRequest('step-reached-pretty')
    const text = new TextDecoder().decode(await fixture('step-reached-pretty'))
    const reserialized = {
      ...signed,
      body: new TextEncoder().encode(JSON.stringify(JSON.parse(text))),
    }
    const answer = await send(hook(), reserialized)
    expect([answer.status, answer.json]).toMatchObject([401, { error: 'signature_invalid' }])
  })

  it('refuses a body with one byte changed after signing', async () => {
    const answer = await send(hook(), await delivery({ tamper: true }))
    expect([answer.status, answer.json]).toMatchObject([401, { error: 'signature_invalid' }])
  })

  it('refuses a notification without X-Hub-Signature', async () => {
    const answer = await send(hook(), await delivery({ unsigned: true }))
    expect([answer.status, answer.json]).toMatchObject([401, { error: 'signature_missing' }])
  })

  it.each([
    [
      'signed with another key',
      async () => sha1(['date=', DATE, '\n', await fixture('step-reached')], 'another-key'),
    ],
    [
      'in upper case',
      async () => `sha1=${(await signatureOf('step-reached')).slice(5).toUpperCase()}`,
    ],
    ['without its sha1= prefix', async () => (await signatureOf('step-reached')).slice(5)],
    ['labelled sha256', async () => `sha256=${(await signatureOf('step-reached')).slice(5)}`],
    ['over the body alone', async () => sha1(await fixture('step-reached'))],
    [
      'over another Date',
      async () =>
        sha1(['date=', 'Mon, 10 Jun 2024 06:13:21 GMT', '\n', await fixture('step-reached')]),
    ],
  ])('refuses a signature %s', async (_, make) => {
    const req = withHeaders(await fixtureRequest('step-reached'), {
      'x-hub-signature': await make(),
    })
    const answer = await send(hook(), req)
    expect([answer.status, answer.json]).toMatchObject([401, { error: 'signature_invalid' }])
  })

  it('refuses a Date that differs from the one signed', async () => {
    const req = withHeaders(await fixtureRequest('step-reached'), {
      date: 'Mon, 10 Jun 2024 06:13:21 GMT',
    })
    const answer = await send(hook(), req)
    expect([answer.status, answer.json]).toMatchObject([401, { error: 'signature_invalid' }])
  })

  it('accepts every private key of a rotation list and no other', async () => {
    const webhook = hook({ privateKey: ['new-key', KEY] })
    expect((await send(webhook, await delivery({ secret: 'new-key' }))).status).toBe(200)
    expect((await send(webhook, await delivery({ secret: KEY }))).status).toBe(200)
    expect((await send(webhook, await delivery({ secret: 'third-key' }))).status).toBe(401)
  })

  it('never puts the key or the signature in the refusal', async () => {
    const req = await delivery({ tamper: true })
    const answer = await send(hook(), req)
    expect(answer.text).not.toContain(KEY)
    expect(answer.text).not.toContain(String(req.headers['x-hub-signature']).slice(5))
  })
})

describe.each(entries)('the clustaar upstream vector through %s', (_, send) => {
  // clustaar.webhook's own test: key `test`, no Date header (so it signs `date=None`), body `{}`.
  const vector = () =>
    request({
      body: '{}',
      headers: { 'X-Hub-Signature': 'sha1=fc2bdea0e6a9e0dc333dece7568b5c3337a92342' },
    })

  it('passes verification with the Date check off; `{}` has no topic, so it is then a 400', async () => {
    const webhook = createWebhook(preset({ privateKey: 'test', requestMaxAge: false }))
    const answer = await send(webhook, vector())
    expect([answer.status, answer.json]).toMatchObject([400, { error: 'invalid_payload' }])
  })

  it('is refused with the Date check on, as it has no Date', async () => {
    const answer = await send(createWebhook(preset({ privateKey: 'test' })), vector())
    expect([answer.status, answer.json]).toMatchObject([401, { error: 'signature_missing' }])
  })

  it('with the check off, still signs the Date when there is one, and ignores its age', async () => {
    const webhook = hook({ requestMaxAge: false, now: () => NOW + 86_400_000 })
    expect((await send(webhook, await fixtureRequest('step-reached'))).status).toBe(200)
    const withoutDate = withHeaders(await fixtureRequest('step-reached'), { date: undefined })
    expect((await send(webhook, withoutDate)).status).toBe(401)
  })
})
