import { WebhookError } from '@chathooks/core'
import { describe, expect, it } from 'vitest'
import { parseKeepingNumberText, parseViberBody } from '../../../src/platforms/viber/parse.ts'

const keep = (text: string) => parseKeepingNumberText(text, 'message_token')
const utf8 = (text: string) => new TextEncoder().encode(text)

describe('parseKeepingNumberText', () => {
  it.each([
    [
      'a bare integer',
      '{"message_token":5741311803571721087}',
      { message_token: '5741311803571721087' },
    ],
    ['a negative integer', '{"message_token":-1}', { message_token: '-1' }],
    ['a fraction', '{"message_token":1.50}', { message_token: '1.50' }],
    ['an exponent', '{"message_token":1E+30}', { message_token: '1E+30' }],
    ['a string', '{"message_token":"12"}', { message_token: '12' }],
    ['another value', '{"message_token":[1,2]}', { message_token: [1, 2] }],
    ['no such member', '{"a":1}', { a: 1 }],
    ['an empty object', ' { } ', {}],
    [
      'an escaped quote before the member',
      '{"a":"x\\"","message_token":9007199254740993}',
      { a: 'x"', message_token: '9007199254740993' },
    ],
    [
      'an escaped backslash before the member',
      '{"a":"x\\\\","message_token":9007199254740993}',
      { a: 'x\\', message_token: '9007199254740993' },
    ],
    [
      'brackets inside strings of a nested value',
      '{"a":{"b":"}]{["},"message_token":9007199254740993}',
      { a: { b: '}]{[' }, message_token: '9007199254740993' },
    ],
    [
      'literals around it',
      '{"t":true,"message_token":9007199254740993,"n":null,"f":false}',
      { t: true, message_token: '9007199254740993', n: null, f: false },
    ],
  ])('hands over %s as JSON.parse would, keeping a number’s text', (_, text, expected) => {
    expect(keep(text)).toEqual(expected)
  })

  it.each([
    ['an array', '[{"message_token":9007199254740993}]', [{ message_token: 9007199254740992 }]],
    ['a number', '9007199254740993', 9007199254740992],
    ['a string', '"message_token"', 'message_token'],
  ])('leaves %s at the top level to JSON.parse', (_, text, expected) => {
    expect(keep(text)).toEqual(expected)
  })

  it('leaves a member of the same name in a nested object to JSON.parse', () => {
    expect(keep('{"a":{"message_token":9007199254740993}}')).toEqual({
      a: { message_token: 9007199254740992 },
    })
  })

  it.each([
    ['an empty text', ''],
    ['an unterminated string', '{"message_token'],
    ['a missing colon', '{"message_token" 1}'],
    ['a missing value', '{"message_token":}'],
    ['a trailing comma', '{"message_token":1,}'],
    ['a missing comma', '{"message_token":1 "a":2}'],
    ['an unterminated object', '{"message_token":1'],
    ['an unclosed nested array', '{"a":[1,"message_token":1}'],
    ['a key that is no string', '{message_token:1}'],
    ['a misspelt literal', '{"message_token":tru}'],
    ['two top-level values', '{"message_token":1}{}'],
    ['a number key that quoting would make valid', '{"message_token":1:2}'],
  ])('throws a SyntaxError on %s', (_, text) => {
    expect(() => keep(text)).toThrow(SyntaxError)
  })
})

describe('parseViberBody', () => {
  it('skips a UTF-8 byte order mark, as the default parser does', () => {
    const body = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('{"message_token":9007199254740993}')])
    expect(parseViberBody(body)).toEqual({ message_token: '9007199254740993' })
  })

  it.each([
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d])],
    ['malformed JSON', utf8('{"message_token":01}')],
  ])('throws WebhookError invalid_json on %s', (_, body) => {
    expect(() => parseViberBody(body)).toThrow(WebhookError)
    expect(() => parseViberBody(body)).toThrow(
      expect.objectContaining({ code: 'invalid_json', status: 400 }),
    )
  })
})
