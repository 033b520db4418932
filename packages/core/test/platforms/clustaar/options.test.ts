import { type ClustaarOptions, clustaar } from '@chathooks/core/clustaar'
import { describe, expect, it } from 'vitest'

// Options as a careless caller might pass them, past the type checker.
const create = (options: unknown) => () => clustaar(options as ClustaarOptions)
const SECRET = 'hunter2-secret'

describe('clustaar options', () => {
  it.each([
    ['no options at all', undefined],
    ['an empty object', {}],
    ['only requestMaxAge', { requestMaxAge: 10 }],
    ['only the clock', { now: () => 0 }],
  ])('refuses %s: some verification must be configured', (_, options) => {
    expect(create(options)).toThrow(
      new TypeError(
        'clustaar: option "privateKey", or options "username" and "password", are required',
      ),
    )
  })

  it.each([
    ['an empty privateKey', { privateKey: '' }, 'privateKey'],
    ['an empty list of keys', { privateKey: [] }, 'privateKey'],
    ['a list with an empty key', { privateKey: ['key', ''] }, 'privateKey'],
    ['a privateKey that is not a string', { privateKey: 42 }, 'privateKey'],
    ['a null privateKey', { privateKey: null }, 'privateKey'],
    ['a username without a password', { username: 'clustaar' }, 'password'],
    ['a password without a username', { password: 'secret' }, 'username'],
    ['a key and a lone username', { privateKey: 'key', username: 'clustaar' }, 'password'],
    ['an empty username', { username: '', password: 'secret' }, 'username'],
    ['a username with a colon', { username: 'a:b', password: 'secret' }, 'username'],
    ['an empty password', { username: 'clustaar', password: '' }, 'password'],
    ['requestMaxAge 0', { privateKey: 'key', requestMaxAge: 0 }, 'requestMaxAge'],
    ['a negative requestMaxAge', { privateKey: 'key', requestMaxAge: -5 }, 'requestMaxAge'],
    ['requestMaxAge NaN', { privateKey: 'key', requestMaxAge: Number.NaN }, 'requestMaxAge'],
    [
      'an infinite requestMaxAge',
      { privateKey: 'key', requestMaxAge: Number.POSITIVE_INFINITY },
      'requestMaxAge',
    ],
    ['requestMaxAge as text', { privateKey: 'key', requestMaxAge: '10' }, 'requestMaxAge'],
    [
      'requestMaxAge null (upstream spelling)',
      { privateKey: 'key', requestMaxAge: null },
      'requestMaxAge',
    ],
    ['requestMaxAge true', { privateKey: 'key', requestMaxAge: true }, 'requestMaxAge'],
    ['a clock that is not a function', { privateKey: 'key', now: 1_718_000_000_000 }, 'now'],
    ['an unknown option', { privateKey: 'key', private_key: 'key' }, 'private_key'],
    [
      'the upstream name of an option',
      { auth_username: 'clustaar', auth_password: 'x' },
      'auth_username',
    ],
  ])('refuses %s with a TypeError naming the option', (_, options, option) => {
    expect(create(options)).toThrow(TypeError)
    expect(create(options)).toThrow(new RegExp(`^clustaar: .*"${option}"`))
  })

  it.each([
    { password: SECRET },
    { privateKey: SECRET, requestMaxAge: 'soon' },
    { privateKey: [SECRET, ''] },
    { username: 'clustaar', password: SECRET, extra: true },
  ])('never repeats a secret in its message (%o)', (options) => {
    let thrown: unknown
    try {
      create(options)()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(TypeError)
    expect((thrown as TypeError).message).not.toContain(SECRET)
  })

  it.each([
    ['a private key', { privateKey: 'key' }],
    ['a list of private keys', { privateKey: ['new', 'old'] }],
    ['basic auth', { username: 'clustaar', password: 'secret' }],
    ['a list of passwords', { username: 'clustaar', password: ['new', 'old'] }],
    [
      'both, with the check off',
      { privateKey: 'key', username: 'u', password: 'p', requestMaxAge: false },
    ],
    ['a fractional requestMaxAge', { privateKey: 'key', requestMaxAge: 2.5 }],
  ])('accepts %s', (_, options) => {
    expect(create(options)).not.toThrow()
  })

  it('does not change the options it is given', () => {
    const options = Object.freeze({ privateKey: Object.freeze(['new', 'old']), requestMaxAge: 5 })
    expect(() => clustaar(options)).not.toThrow()
    expect(options).toEqual({ privateKey: ['new', 'old'], requestMaxAge: 5 })
  })
})
