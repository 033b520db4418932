import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fromBase64, fromUtf8, toBase64, toHex, utf8 } from '../src/crypto/codec.ts'
import * as nodeBuild from '../src/crypto/node.ts'
import type { HmacAlgorithm } from '../src/crypto/types.ts'
import * as webBuild from '../src/crypto/web.ts'

const bytes = (value: number, length: number) => new Uint8Array(length).fill(value)
const largeKey = bytes(0xaa, 131)

// RFC 4231 (HMAC-SHA-256/512) test cases 1-4, 6 and 7; case 5 truncates and is checked apart.
const rfc4231: readonly [string, Uint8Array | string, Uint8Array | string, string, string][] = [
  [
    '1',
    bytes(0x0b, 20),
    'Hi There',
    'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7',
    '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cdedaa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854',
  ],
  [
    '2',
    'Jefe',
    'what do ya want for nothing?',
    '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
    '164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea2505549758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737',
  ],
  [
    '3',
    bytes(0xaa, 20),
    bytes(0xdd, 50),
    '773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe',
    'fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb',
  ],
  [
    '4',
    Uint8Array.from({ length: 25 }, (_, index) => index + 1),
    bytes(0xcd, 50),
    '82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b',
    'b0ba465637458c6990e5a8c5f61d4af7e576d97ff94b872de76f8050361ee3dba91ca5c11aa25eb4d679275cc5788063a5f19741120c4f2de2adebeb10a298dd',
  ],
  [
    '6',
    largeKey,
    'Test Using Larger Than Block-Size Key - Hash Key First',
    '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54',
    '80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f3526b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598',
  ],
  [
    '7',
    largeKey,
    'This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm.',
    '9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2',
    'e37b6a775dc87dbaa4dfa9f96e5e3ffddebd71f8867289865df5a32d20cdc944b6022cac3c4982b10d5eeb55c3e4de15134676fb6de0446065c97440fa8c6a58',
  ],
]

type Vector = readonly [string, HmacAlgorithm, Uint8Array | string, Uint8Array | string, string]

const vectors: readonly Vector[] = [
  ...rfc4231.flatMap(([id, key, data, sha256, sha512]): Vector[] => [
    [`RFC 4231 case ${id}`, 'sha256', key, data, sha256],
    [`RFC 4231 case ${id}`, 'sha512', key, data, sha512],
  ]),
  [
    'RFC 2202 case 1',
    'sha1',
    bytes(0x0b, 20),
    'Hi There',
    'b617318655057264e28bc0b6fb378c8ef146be00',
  ],
  [
    'RFC 2202 case 2',
    'sha1',
    'Jefe',
    'what do ya want for nothing?',
    'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79',
  ],
]

const hexToBase64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64')

describe.each([
  ['node', nodeBuild],
  ['web', webBuild],
])('crypto (%s build)', (build, { createHmacKey, timingSafeEqual }) => {
  describe('createHmacKey', () => {
    it.each(vectors)(
      `matches %s for %s in hex (${build})`,
      async (_, algorithm, key, data, hex) => {
        expect(await createHmacKey(algorithm, key).sign([data], 'hex')).toBe(hex)
      },
    )

    it.each(vectors)(
      `matches %s for %s in base64 (${build})`,
      async (_, algorithm, key, data, hex) => {
        expect(await createHmacKey(algorithm, key).sign([data], 'base64')).toBe(hexToBase64(hex))
      },
    )

    it.each([
      ['sha256', 'a3b6167473100ee06e0c796c2955552b'],
      ['sha512', '415fad6271580a531d4179bc891d87a6'],
    ] as const)(
      `starts with RFC 4231 case 5's truncated %s MAC (${build})`,
      async (algorithm, prefix) => {
        const mac = await createHmacKey(algorithm, bytes(0x0c, 20)).sign(
          ['Test With Truncation'],
          'hex',
        )
        expect(mac.startsWith(prefix)).toBe(true)
      },
    )

    it(`signs parts exactly as it signs their concatenation (${build})`, async () => {
      const key = createHmacKey('sha256', 'secret')
      const body = utf8('{"text":"Malé 👋"}\n')
      const whole = await key.sign([utf8('1718000000.{"text":"Malé 👋"}\n')], 'hex')
      expect(await key.sign(['1718000000', '.', body], 'hex')).toBe(whole)
      expect(await key.sign(['1718000000.', body], 'hex')).toBe(whole)
    })

    it(`treats a string secret as its UTF-8 bytes (${build})`, async () => {
      const secret = 'clé secrète 🔑'
      const fromText = await createHmacKey('sha256', secret).sign(['body'], 'hex')
      expect(await createHmacKey('sha256', utf8(secret)).sign(['body'], 'hex')).toBe(fromText)
    })

    it(`gives different MACs for different secrets and bodies (${build})`, async () => {
      const mac = await createHmacKey('sha256', 'one').sign(['body'], 'hex')
      expect(await createHmacKey('sha256', 'two').sign(['body'], 'hex')).not.toBe(mac)
      expect(await createHmacKey('sha256', 'one').sign(['Body'], 'hex')).not.toBe(mac)
    })

    it(`reuses one key for many signatures (${build})`, async () => {
      const key = createHmacKey('sha1', 'Jefe')
      const data = 'what do ya want for nothing?'
      const macs = await Promise.all([key.sign([data], 'hex'), key.sign([data], 'hex')])
      expect(macs).toEqual(Array(2).fill('effcdf6ae5eb2fa2d27416d5f184df9c259a7c79'))
    })
  })

  describe('timingSafeEqual', () => {
    it.each([
      ['equal strings', 'd21b3434', 'd21b3434', true],
      ['different strings of one length', 'd21b3434', 'a0f9c2e1', false],
      ['a shorter received value', 'd21b3434', 'd21b343', false],
      ['a longer received value', 'd21b3434', 'd21b34340', false],
      ['a received value repeating the expected one', 'ab', 'abab', false],
      ['an empty received value', 'd21b3434', '', false],
      ['an empty expected value and an empty received one', '', '', false],
      ['an empty expected value', '', 'anything', false],
      ['values differing only in the last character', 'd21b3434', 'd21b3435', false],
      ['values differing only in the first character', 'd21b3434', 'e21b3434', false],
      ['values differing only in case', 'd21b3434', 'D21B3434', false],
    ])(`compares %s (${build})`, (_, expected, received, equal) => {
      expect(timingSafeEqual(expected, received)).toBe(equal)
    })
  })
})

describe('codec', () => {
  it('writes hex and base64 as Node does, and reads base64 back', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        expect(toHex(data)).toBe(Buffer.from(data).toString('hex'))
        expect(toBase64(data)).toBe(Buffer.from(data).toString('base64'))
        expect(fromBase64(toBase64(data))).toEqual(data)
      }),
      { numRuns: 150 },
    )
  })

  it('round-trips text through UTF-8', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(fromUtf8(utf8(text))).toBe(text)
      }),
      { numRuns: 150 },
    )
  })

  it.each(['!!!!', 'a', 'abcde', 'ab=c', '===='])('refuses %j as base64', (text) => {
    expect(fromBase64(text)).toBeUndefined()
  })

  it.each([
    ['a lone continuation byte', [0x80]],
    ['an invalid lead byte', [0xff]],
    ['a truncated sequence', [0xc3]],
    ['an encoded surrogate', [0xed, 0xa0, 0x80]],
    ['an overlong slash', [0xc0, 0xaf]],
  ])('throws on %s instead of replacing it', (_, sequence) => {
    expect(() => fromUtf8(Uint8Array.from(sequence))).toThrow()
  })
})
