import { WebhookError } from '@chathooks/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseKeepingNumberText, parseViberBody } from '../../../src/platforms/viber/parse.ts'

const RUNS = { numRuns: 300 }
const KEY = 'message_token'
const keep = (text: string) => parseKeepingNumberText(text, KEY)

/** Whitespace JSON allows between tokens. */
const space = fc.string({ unit: fc.constantFrom(' ', '\t', '\n', '\r'), maxLength: 3 })
/** Integers a double cannot hold: past 2^53, up to 64 bits and beyond. */
const bigIntegers = fc.bigInt({ min: 2n ** 53n + 1n, max: 2n ** 70n })
const otherKeys = fc.string({ maxLength: 12 }).filter((key) => key !== KEY)
/** Objects whose nested values hold members named like the key, and strings that spell it. */
const decoys = fc.oneof(
  fc.jsonValue(),
  fc.dictionary(
    fc.constantFrom(KEY, 'a', 'b'),
    fc.oneof(fc.integer(), fc.double(), fc.bigInt().map(String)),
  ),
  fc.constantFrom(`"${KEY}":9007199254740993`, `{"${KEY}":1}`, `\\"${KEY}\\":`),
)

/** JSON text of an object from its members' texts, with `space` between every token. */
function objectText(
  members: readonly (readonly [string, string])[],
  gaps: readonly string[],
): string {
  const gap = (index: number) => gaps[index % gaps.length] ?? ''
  const body = members.map(
    ([key, value], index) =>
      `${gap(index)}${JSON.stringify(key)}${gap(index + 1)}:${gap(index + 2)}${value}${gap(index + 3)}`,
  )
  return `${gap(0)}{${body.join(',')}${members.length === 0 ? gap(1) : ''}}${gap(2)}`
}

const outcome = (parse: () => unknown) => {
  try {
    return { ok: true, value: parse() }
  } catch (error) {
    return { ok: false, error }
  }
}

describe('parseKeepingNumberText properties', () => {
  it('keeps every digit of a big top-level integer, anywhere among other members and whitespace', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(otherKeys, decoys), { selector: ([key]) => key, maxLength: 6 }),
        bigIntegers,
        fc.nat(),
        fc.array(space, { minLength: 1, maxLength: 4 }),
        (others, token, position, gaps) => {
          const members = others.map(([key, value]) => [key, JSON.stringify(value)] as const)
          members.splice(position % (members.length + 1), 0, [KEY, token.toString()])
          const text = objectText(members, gaps)
          const expected = JSON.parse(text)
          expected[KEY] = token.toString()
          expect(keep(text)).toEqual(expected)
        },
      ),
      RUNS,
    )
  })

  it('equals JSON.parse on any object without a top-level number member of that name', () => {
    fc.assert(
      fc.property(
        fc.dictionary(otherKeys, decoys),
        fc.constantFrom(undefined, 2, '\t'),
        (value, indent) => {
          const text = JSON.stringify(value, null, indent)
          expect(keep(text)).toEqual(JSON.parse(text))
        },
      ),
      RUNS,
    )
  })

  it('accepts and rejects exactly what JSON.parse does, and throws only SyntaxError', () => {
    const jsonish = fc.string({
      unit: fc.constantFrom(...'{}[]":,-+.eE019 \n\\tulnrfas_'.split(''), `"${KEY}"`),
      maxLength: 40,
    })
    const mutated = fc
      .tuple(fc.json(), fc.nat(), fc.constantFrom('', '"', '}', ',', ':', '1', '\\', ']'))
      .map(([text, at, insert]) => {
        const withKey = text.startsWith('{') ? `{"${KEY}":9007199254740993,${text.slice(1)}` : text
        const index = at % (withKey.length + 1)
        return withKey.slice(0, index) + insert + withKey.slice(index + 1)
      })
    fc.assert(
      fc.property(fc.oneof(jsonish, mutated, fc.string(), fc.json()), (text) => {
        const ours = outcome(() => keep(text))
        const theirs = outcome(() => JSON.parse(text))
        expect(ours.ok).toBe(theirs.ok)
        if (!ours.ok) expect(ours.error).toBeInstanceOf(SyntaxError)
      }),
      { numRuns: 1000 },
    )
  })
})

describe('parseViberBody properties', () => {
  it('returns a value or throws WebhookError invalid_json, whatever the bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (body) => {
        const result = outcome(() => parseViberBody(body))
        if (!result.ok) {
          expect(result.error).toBeInstanceOf(WebhookError)
          expect((result.error as WebhookError).code).toBe('invalid_json')
        }
      }),
      RUNS,
    )
  })
})
