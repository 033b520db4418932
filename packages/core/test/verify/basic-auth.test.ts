import { type BasicAuthOptions, basicAuth } from '@chathooks/core'
import { request } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'
import { serve, verdict } from './harness.ts'

const username = 'clustaar'
const password = 's3cr3t:with:colons'
const fixture =
  '{\n  "topic": "conversation.step_reached",\n  "data": { "input": { "text": "Où est ma commande ? 📦 \\u00e9" } }\n}\n'

const encode = (credentials: string) => Buffer.from(credentials, 'utf8').toString('base64')
const authorized = (authorization: string) =>
  request({ body: fixture, headers: { Authorization: authorization } })
const basic = (user: string, pass: string) => authorized(`Basic ${encode(`${user}:${pass}`)}`)

describe('basicAuth', () => {
  const verifier = basicAuth({ username, password })

  it('accepts the right credentials, with colons inside the password (RFC 7617)', async () => {
    expect(await verdict(verifier, basic(username, password))).toBe('passed')
  })

  it('accepts UTF-8 credentials', async () => {
    const utf8 = basicAuth({ username: 'Zoë', password: 'пароль🔑' })
    expect(await verdict(utf8, basic('Zoë', 'пароль🔑'))).toBe('passed')
  })

  it.each(['Basic', 'basic', 'BASIC', 'bAsIc'])('accepts the scheme written %s', async (scheme) => {
    expect(
      await verdict(verifier, authorized(`${scheme} ${encode(`${username}:${password}`)}`)),
    ).toBe('passed')
  })

  it('reports unauthorized without an Authorization header', async () => {
    expect(await verdict(verifier, request({ body: fixture }))).toBe('unauthorized')
  })

  it.each([
    ['a wrong user', () => basic('clustaar2', password)],
    ['a wrong password', () => basic(username, 's3cr3t:with:colonz')],
    ['a password one character short', () => basic(username, password.slice(0, -1))],
    ['a password with a character added', () => basic(username, `${password}!`)],
    ['an empty password', () => basic(username, '')],
    ['the user and password swapped', () => basic(password, username)],
    ['credentials without a colon', () => authorized(`Basic ${encode(username + password)}`)],
    ['malformed base64', () => authorized('Basic !!!not-base64!!!')],
    ['base64 of a wrong length', () => authorized(`Basic ${encode(`${username}:${password}`)}A`)],
    [
      'credentials that are not UTF-8',
      () => authorized(`Basic ${Buffer.from([0x63, 0x3a, 0xff]).toString('base64')}`),
    ],
    ['no scheme', () => authorized(encode(`${username}:${password}`))],
    ['the Bearer scheme', () => authorized(`Bearer ${encode(`${username}:${password}`)}`)],
    ['the scheme without a space', () => authorized(`Basic${encode(`${username}:${password}`)}`)],
    ['the plain-text credentials', () => authorized(`Basic ${username}:${password}`)],
  ])('refuses %s', async (_, make) => {
    expect(await verdict(verifier, make())).toBe('unauthorized')
  })

  it('accepts every password of a rotation list and no other', async () => {
    const rotating = basicAuth({ username, password: ['new-password', 'old-password'] })
    expect(await verdict(rotating, basic(username, 'new-password'))).toBe('passed')
    expect(await verdict(rotating, basic(username, 'old-password'))).toBe('passed')
    expect(await verdict(rotating, basic(username, 'third-password'))).toBe('unauthorized')
  })

  describe('through createWebhook', () => {
    it('runs the handler for the right credentials', async () => {
      expect(await serve(verifier, basic(username, password))).toMatchObject({
        status: 200,
        json: { handled: true },
        ran: true,
      })
    })

    it.each([
      ['missing', request({ body: fixture })],
      ['wrong', basic(username, 'guess')],
    ])('answers 401 with a Basic challenge when the credentials are %s', async (_, req) => {
      const result = await serve(verifier, req)
      expect(result).toMatchObject({
        status: 401,
        json: { error: 'unauthorized', message: expect.any(String) },
        ran: false,
      })
      expect(result.headers['www-authenticate']).toMatch(/^Basic realm="chathooks"/)
      expect(result.text).not.toContain(password)
      expect(result.text).not.toContain(encode(`${username}:${password}`))
    })

    it('names the configured realm in the challenge', async () => {
      const result = await serve(basicAuth({ username, password, realm: 'bots' }), request())
      expect(result.headers['www-authenticate']).toMatch(/^Basic realm="bots"/)
    })
  })

  describe('configuration', () => {
    it.each([
      ['a missing username', { password }, 'username'],
      ['an empty username', { username: '', password }, 'username'],
      ['a username with a colon', { username: 'a:b', password }, 'username'],
      ['a missing password', { username }, 'password'],
      ['an empty password', { username, password: '' }, 'password'],
      ['an empty rotation list', { username, password: [] }, 'password'],
      ['an unknown option', { username, password, user: username }, 'user'],
    ])('throws at creation on %s, naming the option', (_, options, option) => {
      const create = () => basicAuth(options as unknown as BasicAuthOptions)
      expect(create).toThrow(TypeError)
      expect(create).toThrow(`"${option}"`)
      expect(create).not.toThrow(password)
    })
  })
})
