import {
  extractApiKey,
  extractUrlKey,
  makeSignature,
  verifySignature,
} from '@chathooks/core/pararam'
import { describe, expect, it } from 'vitest'

const fifty = `${'A'.repeat(20)}${'b'.repeat(30)}`
const cyrillic = `ключ🔑секрет-бота-${'x'.repeat(40)}`
const body = '{"text":"Привет 👋"}'

// Expected values computed with python3: `s[:8]`, `s[20:] if len(s) > 50 else s`, and
// `hmac.new(secret.encode(), body, hashlib.sha256)`, as pararamio-bot derives them.
describe('extractUrlKey', () => {
  it.each([
    ['a secret shorter than 8 characters', 'abc', 'abc'],
    ['a secret of exactly 8 characters', 'k3yA1b2C', 'k3yA1b2C'],
    ['a long secret', fifty, 'AAAAAAAA'],
    ['a secret with Cyrillic and an emoji', cyrillic, 'ключ🔑сек'],
    ['a secret of emoji only', '🔑'.repeat(9), '🔑'.repeat(8)],
    ['an empty secret', '', ''],
  ])('takes the first 8 characters of %s', (_, secret, key) => {
    expect(extractUrlKey(secret)).toBe(key)
  })

  it('throws a TypeError on a secret that is not a string', () => {
    expect(() => extractUrlKey(12345678 as unknown as string)).toThrow(TypeError)
  })
})

describe('extractApiKey', () => {
  it.each([
    ['a short secret', 'abc', 'abc'],
    ['a secret of exactly 50 characters', fifty, fifty],
    ['a secret of 51 characters', `${fifty}b`, 'b'.repeat(31)],
    ['a 57-character secret with an emoji in its first 20', cyrillic, 'x'.repeat(37)],
  ])('keeps what pararamio-bot keeps of %s', (_, secret, key) => {
    expect(extractApiKey(secret)).toBe(key)
  })

  it('throws a TypeError on a secret that is not a string', () => {
    expect(() => extractApiKey(undefined as unknown as string)).toThrow(TypeError)
  })
})

describe('makeSignature', () => {
  it.each([
    [
      'an ASCII secret',
      'k3yA1b2C',
      '2814d4a0b7911b4c8029b75d2c043c8bff6ef7181c4e17fb63696b4e67e401d2',
    ],
    [
      'a non-ASCII secret, keyed as UTF-8',
      cyrillic,
      'fc707549588384c709740045385e5b1ec02be061415333d9df20b5cf69ff86b8',
    ],
  ])('signs with %s as python3 does', async (_, secret, hex) => {
    expect(await makeSignature(body, secret)).toBe(hex)
  })

  it('signs a string as its UTF-8 bytes, as Python signs str and bytes alike', async () => {
    const bytes = new TextEncoder().encode(body)
    expect(await makeSignature(bytes, 'k3yA1b2C')).toBe(await makeSignature(body, 'k3yA1b2C'))
  })

  it('signs bytes that are not UTF-8 exactly as given', async () => {
    expect(await makeSignature(Uint8Array.of(0xff, 0x00, 0x7b), 'k3yA1b2C')).toBe(
      'cd712a6fe3b8e8bc3b9897bbef27d1019a94187e049837a3f6cd47c5e97529dd',
    )
  })

  it('signs an empty body', async () => {
    expect(await makeSignature('', 'k3yA1b2C')).toBe(
      'ad0a49e05126e95c4720782834e54d9adab848e1af8b3ea078c30f9b6d33b4c0',
    )
  })

  it('writes Base64 when asked', async () => {
    expect(await makeSignature(body, 'k3yA1b2C', { encoding: 'base64' })).toBe(
      'KBTUoLeRG0yAKbddLAQ8i/9u9xgcThf7Y2lrTmfkAdI=',
    )
  })

  it.each([
    ['an empty secret', () => makeSignature(body, '')],
    ['a secret that is not a string', () => makeSignature(body, 42 as unknown as string)],
    ['a body that is neither text nor bytes', () => makeSignature({} as unknown as string, 's')],
    ['an unknown option', () => makeSignature(body, 's', { prefix: 'x' } as object)],
    ['an unknown encoding', () => makeSignature(body, 's', { encoding: 'hex2' as 'hex' })],
  ])('rejects %s with a TypeError', async (_, call) => {
    await expect(call()).rejects.toThrow(TypeError)
  })
})

describe('verifySignature', () => {
  const secret = 'k3yA1b2C'
  const hex = '2814d4a0b7911b4c8029b75d2c043c8bff6ef7181c4e17fb63696b4e67e401d2'

  it.each([
    ['the lower-case hex signature', hex, true],
    ['the signature in upper case', hex.toUpperCase(), true],
    ['a signature with one character changed', `${hex.slice(0, -1)}3`, false],
    ['a signature one character short', hex.slice(0, -1), false],
    ['the signature with a prefix', `sha256=${hex}`, false],
    [
      'the Base64 signature, when hex is expected',
      'KBTUoLeRG0yAKbddLAQ8i/9u9xgcThf7Y2lrTmfkAdI=',
      false,
    ],
    ['an empty signature', '', false],
    ['no signature at all', undefined, false],
  ])('answers %s with %s', async (_, signature, valid) => {
    expect(await verifySignature(body, signature, secret)).toBe(valid)
  })

  it('rejects a body signed with another secret', async () => {
    expect(await verifySignature(body, await makeSignature(body, 'other'), secret)).toBe(false)
  })

  it('rejects a tampered body', async () => {
    expect(await verifySignature('{"text":"Привет 👊"}', hex, secret)).toBe(false)
  })

  it('checks Base64 exactly, case included', async () => {
    const base64 = 'KBTUoLeRG0yAKbddLAQ8i/9u9xgcThf7Y2lrTmfkAdI='
    const options = { encoding: 'base64' } as const
    expect(await verifySignature(body, base64, secret, options)).toBe(true)
    expect(await verifySignature(body, base64.toLowerCase(), secret, options)).toBe(false)
  })

  it('rejects an empty secret with a TypeError', async () => {
    await expect(verifySignature(body, hex, '')).rejects.toThrow(TypeError)
  })
})
