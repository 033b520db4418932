import { type PararamOptions, pararam } from '@chathooks/core/pararam'
import { pararam as build } from '@chathooks/core/testing'
import { describe, expect, it } from 'vitest'

const secret = 'Qm7vX2pL-options-test-secret-5d8e1f0a9b3c7e2d4f6a8b'

describe('pararam configuration', () => {
  it.each([
    ['no options', undefined, 'secret'],
    ['a missing secret', {}, 'secret'],
    ['an empty secret', { secret: '' }, 'secret'],
    ['an empty rotation list', { secret: [] }, 'secret'],
    ['an empty secret in a list', { secret: [secret, ''] }, 'secret'],
    ['a secret that is not a string', { secret: 12345678 }, 'secret'],
    ['a "/" in the URL key', { secret: 'abc/defghijk-rest-of-it' }, 'secret'],
    ['an unknown encoding', { secret, signatureEncoding: 'HEX' }, 'signatureEncoding'],
    ['an unknown option', { secret, verify: false }, 'verify'],
  ])('throws a TypeError at creation on %s, naming the option', (_, options, option) => {
    const create = () => pararam(options as unknown as PararamOptions)
    expect(create).toThrow(TypeError)
    expect(create).toThrow(`"${option}"`)
    expect(create).not.toThrow(secret)
  })

  it('never names the secret in the error', () => {
    const leaky = 'abc/def-never-print-me'
    expect(() => pararam({ secret: leaky })).toThrow(
      expect.objectContaining({ message: expect.not.stringContaining('never-print-me') }),
    )
  })
})

describe('testing.pararam configuration', () => {
  it.each([
    ['message', () => build.message({ secret: '' })],
    ['action', () => build.action({ secret: '' })],
  ])('%s throws a TypeError on an empty secret', async (_, make) => {
    await expect(make()).rejects.toThrow(TypeError)
  })
})
