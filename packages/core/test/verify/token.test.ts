import { type SecretTokenOptions, secretToken } from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { serve, verdict } from './harness.ts'

const header = 'X-Telegram-Bot-Api-Secret-Token'
const token = 'tg_secret-Token_0123456789'
const fixture =
  '{\n  "update_id": 10000,\n  "message": { "chat": { "id": 42 }, "text": "Ça va? 🙂 \\u00e9" }\n}\n'
const telegram = () => secretToken({ header, token })
const sent = (value: string) => request({ body: fixture, headers: { [header]: value } })

describe('secretToken', () => {
  it('accepts the token in its header', async () => {
    expect(await verdict(telegram(), sent(token))).toBe('passed')
  })

  it('reports signature_missing without the header', async () => {
    expect(await verdict(telegram(), request({ body: fixture }))).toBe('signature_missing')
  })

  it.each([
    ['another token', 'another-token-of-other-len'],
    ['an empty value', ''],
    ['the token one character short', token.slice(0, -1)],
    ['the token with a character added', `${token}x`],
    ['the token with its last character changed', `${token.slice(0, -1)}0`],
    ['the token with its first character changed', `T${token.slice(1)}`],
    ['the token in upper case', token.toUpperCase()],
    ['the token with surrounding spaces', ` ${token} `],
  ])('refuses %s', async (_, value) => {
    expect(await verdict(telegram(), sent(value))).toBe('signature_invalid')
  })

  it('refuses a token header sent twice, even when one copy is right', async () => {
    const req = { ...sent(token), headers: { [header.toLowerCase()]: [token, token] } }
    expect(await verdict(telegram(), req)).toBe('signature_invalid')
  })

  it('accepts every token of a rotation list and no other', async () => {
    const verifier = secretToken({ header, token: ['new-token', 'old-token'] })
    expect(await verdict(verifier, sent('new-token'))).toBe('passed')
    expect(await verdict(verifier, sent('old-token'))).toBe('passed')
    expect(await verdict(verifier, sent('third-token'))).toBe('signature_invalid')
  })

  describe('through createWebhook', () => {
    it('runs the handler when the token matches', async () => {
      expect(await serve(telegram(), sent(token))).toMatchObject({
        status: 200,
        json: { handled: true },
        ran: true,
      })
    })

    it.each([
      ['missing', request({ body: fixture }), 'signature_missing'],
      ['wrong', sent(`${token.slice(0, -1)}!`), 'signature_invalid'],
    ])('answers 401 without running the handler when the token is %s', async (_, req, code) => {
      const result = await serve(telegram(), req)
      expect(result).toMatchObject({
        status: 401,
        json: { error: code, message: expect.any(String) },
        ran: false,
      })
      expect(result.text).not.toContain(token)
      expect(result.text).not.toContain(token.slice(0, -1))
    })
  })

  describe('configuration', () => {
    it.each([
      ['a missing token', { header }, 'token'],
      ['an empty token', { header, token: '' }, 'token'],
      ['an empty rotation list', { header, token: [] }, 'token'],
      ['a token that is not a string', { header, token: 12345 }, 'token'],
      ['a missing header', { token }, 'header'],
      ['a header name with a colon', { header: 'X-Token:', token }, 'header'],
      ['an unknown option', { header, token, secret: token }, 'secret'],
    ])('throws at creation on %s, naming the option', (_, options, option) => {
      const create = () => secretToken(options as unknown as SecretTokenOptions)
      expect(create).toThrow(TypeError)
      expect(create).toThrow(`"${option}"`)
      expect(create).not.toThrow(token)
    })
  })
})
