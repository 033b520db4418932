import { createWebhook } from '@chathooks/core'
import { type TelegramOptions, telegram } from '@chathooks/core/telegram'
import { describe, expect, it } from 'vitest'
import { BOT_A, SECRET } from './support.ts'

const create = (options: unknown) => () => telegram(options as TelegramOptions)

describe('telegram() options', () => {
  it.each([
    ['no options at all', undefined, 'secretToken'],
    ['no secretToken and no tokens', {}, 'secretToken'],
    ['only an ipAllowlist', { ipAllowlist: true }, 'secretToken'],
    ['an empty secretToken', { secretToken: '' }, 'secretToken'],
    ['an empty rotation list', { secretToken: [] }, 'secretToken'],
    ['a secretToken that is not a string', { secretToken: 12345 }, 'secretToken'],
    ['a secretToken with a space', { secretToken: 'two words' }, 'secretToken'],
    ['a secretToken with a colon', { secretToken: 'a:b' }, 'secretToken'],
    ['a secretToken with non-ASCII letters', { secretToken: 'sécret' }, 'secretToken'],
    ['a secretToken of 257 characters', { secretToken: 'a'.repeat(257) }, 'secretToken'],
    [
      'one malformed token of a rotation list',
      { secretToken: [SECRET, 'bad token'] },
      'secretToken',
    ],
    ['an empty tokens list', { tokens: [] }, 'tokens'],
    ['tokens that is a string', { tokens: BOT_A }, 'tokens'],
    ['a token without the bot id', { tokens: ['AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw'] }, 'tokens'],
    ['a token with a slash', { tokens: ['110201543:AAH/dq'] }, 'tokens'],
    ['a token that is not a string', { tokens: [110201543] }, 'tokens'],
    ['tokens and a malformed secretToken', { tokens: [BOT_A], secretToken: 'a b' }, 'secretToken'],
    [
      'an ipAllowlist that is a list',
      { secretToken: SECRET, ipAllowlist: ['1.2.3.4'] },
      'ipAllowlist',
    ],
    ['an ipAllowlist that is a string', { secretToken: SECRET, ipAllowlist: 'yes' }, 'ipAllowlist'],
    [
      'an ipAllowlist with a bad CIDR',
      { secretToken: SECRET, ipAllowlist: { allow: ['1.2.3.4/33'] } },
      'ipAllowlist',
    ],
    [
      'an ipAllowlist with an empty allow',
      { secretToken: SECRET, ipAllowlist: { allow: [] } },
      'ipAllowlist',
    ],
    [
      'an ipAllowlist with a bad trustProxy',
      { secretToken: SECRET, ipAllowlist: { trustProxy: -1 } },
      'ipAllowlist',
    ],
    [
      'an ipAllowlist with an unknown field',
      { secretToken: SECRET, ipAllowlist: { allowed: [] } },
      'ipAllowlist',
    ],
    ['an unknown option', { secretToken: SECRET, secret_token: SECRET }, 'secret_token'],
    ['a misspelt option', { secretToken: SECRET, token: BOT_A }, 'token'],
  ])('throws a TypeError at creation on %s, naming "%s"', (_, options, option) => {
    expect(create(options)).toThrow(TypeError)
    expect(create(options)).toThrow(/^telegram: /)
    expect(create(options)).toThrow(`"${option}"`)
  })

  it.each([
    ['a secret token', { secretToken: 'tg_Secret-Token_1' }],
    ['a secret token of 256 characters', { secretToken: `${'Az09_-'.repeat(42)}abcd` }],
    ['a secret token of one character', { secretToken: '-' }],
    ['a rotation list', { secretToken: ['new-secret', 'old-secret'] }],
    ['a tokens list alone', { tokens: [BOT_A] }],
    ['a tokens predicate alone', { tokens: async () => true }],
    ['tokens with a secret token', { tokens: [BOT_A], secretToken: SECRET }],
    ['ipAllowlist true', { secretToken: SECRET, ipAllowlist: true }],
    ['ipAllowlist false', { secretToken: SECRET, ipAllowlist: false }],
    ['ipAllowlist with trustProxy only', { secretToken: SECRET, ipAllowlist: { trustProxy: 1 } }],
  ])('accepts %s', (_, options) => {
    expect(() => createWebhook(telegram(options as TelegramOptions))).not.toThrow()
  })

  it('never puts a configured secret or token into its error message', () => {
    const leaky = [
      { secretToken: 'has space but secret' },
      { tokens: ['110201543:AAH/secret-part'] },
      { secretToken: SECRET, tokens: ['no-colon-secret-part'] },
    ]
    for (const options of leaky) {
      const message = (() => {
        try {
          telegram(options as TelegramOptions)
        } catch (error) {
          return (error as Error).message
        }
        return ''
      })()
      expect(message).toMatch(/^telegram: /)
      expect(message).not.toMatch(/secret but|secret-part/)
    }
  })

  it('does not change the options object it is given', () => {
    const options = { secretToken: [SECRET], ipAllowlist: { trustProxy: 1 } }
    const before = structuredClone(options)
    telegram(options)
    expect(options).toEqual(before)
  })
})
