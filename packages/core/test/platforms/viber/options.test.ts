import { createWebhook } from '@chathooks/core'
import {
  createViberClient,
  type ViberClientOptions,
  type ViberOptions,
  viber,
} from '@chathooks/core/viber'
import { describe, expect, it } from 'vitest'
import { AUTH_TOKEN } from './helpers.ts'

describe('viber() options', () => {
  it.each([
    ['no options at all', undefined, 'authToken'],
    ['a missing authToken', {}, 'authToken'],
    ['an empty authToken', { authToken: '' }, 'authToken'],
    ['an authToken that is not a string', { authToken: 42 }, 'authToken'],
    ['an empty rotation list', { authToken: [] }, 'authToken'],
    ['an empty token in a rotation list', { authToken: [AUTH_TOKEN, ''] }, 'authToken'],
    ['an unknown option', { authToken: AUTH_TOKEN, secret: AUTH_TOKEN }, 'secret'],
    [
      'an attempt to switch the query fallback off',
      { authToken: AUTH_TOKEN, query: false },
      'query',
    ],
  ])('throws a TypeError at creation on %s, naming the option', (_, options, option) => {
    const create = () => viber(options as unknown as ViberOptions)
    expect(create).toThrow(TypeError)
    expect(create).toThrow(`viber: `)
    expect(create).toThrow(`"${option}"`)
  })

  it('never puts the auth token in a configuration error', () => {
    const create = () => viber({ authToken: AUTH_TOKEN, extra: 1 } as unknown as ViberOptions)
    expect(create).toThrow(TypeError)
    expect(create).not.toThrow(AUTH_TOKEN)
  })

  it.each([
    ['one token', AUTH_TOKEN],
    ['a rotation list', ['new-token', AUTH_TOKEN]],
  ])('creates a webhook from %s', (_, authToken) => {
    expect(createWebhook(viber({ authToken })).platform.name).toBe('viber')
  })

  it('does not change the options it is given', () => {
    const options = Object.freeze({ authToken: Object.freeze([AUTH_TOKEN]) })
    expect(() => viber(options)).not.toThrow()
  })
})

describe('createViberClient() options', () => {
  it.each([
    ['no options at all', undefined, 'authToken'],
    ['a missing authToken', {}, 'authToken'],
    ['an empty authToken', { authToken: '' }, 'authToken'],
    ['a list of tokens, which cannot be sent', { authToken: [AUTH_TOKEN] }, 'authToken'],
    ['a baseUrl that is not a URL', { authToken: AUTH_TOKEN, baseUrl: 'chatapi' }, 'baseUrl'],
    [
      'a baseUrl of another scheme',
      { authToken: AUTH_TOKEN, baseUrl: 'ftp://127.0.0.1/pa' },
      'baseUrl',
    ],
    ['a fetch that is not a function', { authToken: AUTH_TOKEN, fetch: 'fetch' }, 'fetch'],
    ['an unknown option', { authToken: AUTH_TOKEN, timeout: 5 }, 'timeout'],
  ])('throws a TypeError at creation on %s, naming the option', (_, options, option) => {
    const create = () => createViberClient(options as unknown as ViberClientOptions)
    expect(create).toThrow(TypeError)
    expect(create).toThrow(`createViberClient: `)
    expect(create).toThrow(`"${option}"`)
    expect(create).not.toThrow(AUTH_TOKEN)
  })
})
