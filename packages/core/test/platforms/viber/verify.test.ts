import { createHmac } from 'node:crypto'
import { createWebhook } from '@chathooks/core'
import * as testing from '@chathooks/core/testing'
import { request, sign } from '@chathooks/core/testing'
import { viber } from '@chathooks/core/viber'
import { describe, expect, it, vi } from 'vitest'
import { entries } from '../../pipeline/driver.ts'
import { AUTH_TOKEN, fixture, fixtureRequest } from './helpers.ts'

const VECTOR_BODY =
  '{"event":"webhook","timestamp":4977069964384421269,"message_token":1478683725125}'
const VECTOR_SIGNATURE = 'd21b343448c8aee33b8e93768ef6ceb64a6ba6163099973a2b8bd028fea510ef'

const FIXTURES = [
  'webhook-vector.json',
  'message.json',
  'message-pretty.json',
  'conversation-started.json',
]

/** A webhook whose `'*'` handler records that it ran. */
function recording(authToken: string | string[] = AUTH_TOKEN) {
  const ran = vi.fn()
  const webhook = createWebhook(viber({ authToken })).on('*', ({ name }) => {
    ran(name)
  })
  return { webhook, ran }
}

describe.each(entries)('viber verification through %s', (_, send) => {
  it('accepts the official vector of the Viber SDKs and answers exactly 200', async () => {
    const { webhook, ran } = recording()
    const headers = { 'X-Viber-Content-Signature': VECTOR_SIGNATURE }
    const answer = await send(webhook, request({ body: VECTOR_BODY, headers }))
    expect(answer).toMatchObject({ status: 200, text: '' })
    expect(ran).toHaveBeenCalledWith('webhook')
  })

  // The failing cases of the same SDK tests: viber-bot-node's message-validator test and
  // viber-bot-python's test_api.
  it.each([
    ['viber-bot (Node)', '{}', 'abcd'],
    ['viber-bot (Python)', '{"event":"webhook"}', 'aaaaaaaaaaaaaaaaaaaaaa'],
  ])('refuses the negative vector of %s', async (_, body, signature) => {
    const { webhook, ran } = recording()
    const headers = { 'X-Viber-Content-Signature': signature }
    const answer = await send(webhook, request({ body, headers }))
    expect(answer.status).toBe(401)
    expect(answer.json).toMatchObject({ error: 'signature_invalid' })
    expect(ran).not.toHaveBeenCalled()
  })

  it('stores the official vector as a fixture whose openssl signature is the published one', async () => {
    const { body, signature } = await fixture('webhook-vector.json')
    expect(new TextDecoder().decode(body)).toBe(VECTOR_BODY)
    expect(signature).toBe(VECTOR_SIGNATURE)
  })

  it.each(FIXTURES)(
    'verifies %s on its exact bytes with the signature openssl computed',
    async (name) => {
      const { webhook, ran } = recording()
      const answer = await send(webhook, await fixtureRequest(name))
      expect(answer.status).toBe(200)
      expect(ran).toHaveBeenCalledOnce()
    },
  )

  it('verifies the pretty-printed non-ASCII fixture, trailing newline included', async () => {
    const { body, signature } = await fixture('message-pretty.json')
    expect(body.at(-1)).toBe(0x0a)
    expect(body.some((byte) => byte > 0x7f)).toBe(true)
    expect(await sign(body, { secret: AUTH_TOKEN })).toBe(signature)
  })

  it('accepts the signature in the sig query parameter when the header is absent', async () => {
    const { webhook, ran } = recording()
    const answer = await send(
      webhook,
      request({ url: `/?sig=${VECTOR_SIGNATURE}`, body: VECTOR_BODY }),
    )
    expect(answer).toMatchObject({ status: 200, text: '' })
    expect(ran).toHaveBeenCalledWith('webhook')
  })

  it('prefers the header to the sig query parameter', async () => {
    const { webhook, ran } = recording()
    const headers = { 'X-Viber-Content-Signature': '0'.repeat(64) }
    const url = `/?sig=${VECTOR_SIGNATURE}`
    const answer = await send(webhook, request({ url, headers, body: VECTOR_BODY }))
    expect(answer.status).toBe(401)
    expect(answer.json).toMatchObject({ error: 'signature_invalid' })
    expect(ran).not.toHaveBeenCalled()
  })

  it.each([
    ['in the header', 'header' as const],
    ['in ?sig=', 'query' as const],
  ])('accepts a sample signed %s', async (_, signatureIn) => {
    const { webhook, ran } = recording()
    const answer = await send(
      webhook,
      await testing.viber.message({ secret: AUTH_TOKEN, signatureIn }),
    )
    expect(answer.status).toBe(200)
    expect(ran).toHaveBeenCalledWith('message')
  })

  it.each([
    ['no signature', { unsigned: true }, 'signature_missing'],
    [
      'no signature, where ?sig= would go',
      { unsigned: true, signatureIn: 'query' as const },
      'signature_missing',
    ],
    ['one byte changed after signing', { tamper: true }, 'signature_invalid'],
    [
      'one byte changed after signing in ?sig=',
      { tamper: true, signatureIn: 'query' as const },
      'signature_invalid',
    ],
    ['another bot’s token', { secret: 'another-bots-auth-token' }, 'signature_invalid'],
  ])('answers 401 without running a handler to a callback with %s', async (_, options, error) => {
    const { webhook, ran } = recording()
    const req = await testing.viber.message({ secret: AUTH_TOKEN, ...options })
    const answer = await send(webhook, req)
    expect(answer.status).toBe(401)
    expect(answer.json).toMatchObject({ error })
    expect(ran).not.toHaveBeenCalled()
  })

  it.each([
    ['upper-case hex', VECTOR_SIGNATURE.toUpperCase()],
    ['the signature with a sha256= prefix', `sha256=${VECTOR_SIGNATURE}`],
    [
      'base64 of the right MAC',
      createHmac('sha256', AUTH_TOKEN).update(VECTOR_BODY).digest('base64'),
    ],
    ['an empty value', ''],
  ])('refuses %s', async (_, signature) => {
    const { webhook, ran } = recording()
    const headers = { 'X-Viber-Content-Signature': signature }
    const answer = await send(webhook, request({ body: VECTOR_BODY, headers }))
    expect(answer.status).toBe(401)
    expect(ran).not.toHaveBeenCalled()
  })

  it('refuses the fixture’s signature once its JSON is re-serialized', async () => {
    const { body, signature } = await fixture('message-pretty.json')
    const reserialized = JSON.stringify(JSON.parse(new TextDecoder().decode(body)))
    const { webhook, ran } = recording()
    const headers = { 'X-Viber-Content-Signature': signature }
    const answer = await send(webhook, request({ body: reserialized, headers }))
    expect(answer.status).toBe(401)
    expect(ran).not.toHaveBeenCalled()
  })

  it('accepts every token of a rotation list and no other', async () => {
    const { webhook, ran } = recording(['new-auth-token', AUTH_TOKEN])
    for (const secret of ['new-auth-token', AUTH_TOKEN]) {
      expect((await send(webhook, await testing.viber.seen({ secret }))).status).toBe(200)
    }
    expect((await send(webhook, await testing.viber.seen({ secret: 'third' }))).status).toBe(401)
    expect(ran).toHaveBeenCalledTimes(2)
  })

  it('checks the signature before the body is parsed: unsigned garbage is 401, not 400', async () => {
    const { webhook } = recording()
    expect((await send(webhook, request({ body: '{"event":' }))).status).toBe(401)
  })

  it('never puts the token or a signature in a refusal', async () => {
    const { webhook } = recording()
    const forged = await sign(VECTOR_BODY, { secret: 'attacker' })
    const headers = { 'X-Viber-Content-Signature': forged }
    const answer = await send(webhook, request({ body: VECTOR_BODY, headers }))
    expect(answer.status).toBe(401)
    for (const leak of [AUTH_TOKEN, forged, VECTOR_SIGNATURE])
      expect(answer.text).not.toContain(leak)
  })
})
