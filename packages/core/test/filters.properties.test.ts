import {
  and,
  type Filter,
  JSONKeyEquals,
  JSONKeyExists,
  JSONKeyIn,
  not,
  or,
  StepID,
} from '@chathooks/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'

const RUNS = { numRuns: 200 }
const INDEX = /^(0|[1-9]\d*)$/

// Digit-only keys come from the index branch only, so a placed payload never needs a huge array.
const segment = fc.oneof(
  fc
    .string({ minLength: 1, maxLength: 8 })
    .filter((key) => !key.includes('.') && !/^\d+$/.test(key)),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'length', '01', '-1'),
  fc.nat({ max: 4 }).map(String),
)
const segments = fc.array(segment, { minLength: 1, maxLength: 5 })
const path = segments.map((keys) => keys.join('.'))

const leaf: fc.Arbitrary<Filter> = fc.oneof(
  fc.tuple(path, fc.jsonValue()).map(([at, value]) => JSONKeyEquals(at, value)),
  fc
    .tuple(path, fc.array(fc.jsonValue(), { maxLength: 3 }))
    .map(([at, values]) => JSONKeyIn(at, values)),
  path.map((at) => JSONKeyExists(at)),
  fc
    .oneof(fc.string(), fc.array(fc.string(), { minLength: 1, maxLength: 3 }))
    .map((ids) => StepID(ids)),
)

const { filter } = fc.letrec<{ filter: Filter }>((tie) => ({
  filter: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    tie('filter').map((inner) => not(inner)),
    fc.array(tie('filter'), { maxLength: 3 }).map((inner) => and(...inner)),
    fc.array(tie('filter'), { maxLength: 3 }).map((inner) => or(...inner)),
  ),
}))

// -0 is rare in fc.jsonValue(), and JSON.stringify turns it into 0 on the wire.
const heldValue = fc.oneof(fc.jsonValue(), fc.constantFrom(-0, [-0], { n: -0 }))

const payload = fc.oneof(
  fc.jsonValue(),
  fc.json().map((text): unknown => JSON.parse(text)),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true},"constructor":{"name":"x"}}') as unknown),
)

/** Builds the smallest JSON value that holds `value` at `keys`, with own keys only. */
function place(keys: readonly string[], value: unknown): unknown {
  return keys.reduceRight<unknown>((inner, key) => {
    if (!INDEX.test(key)) return Object.fromEntries([[key, inner]])
    const list: unknown[] = Array.from({ length: Number(key) + 1 }, () => null)
    list[Number(key)] = inner
    return list
  }, value)
}

describe('filter properties', () => {
  it('every filter answers a boolean on any JSON value and never throws', () => {
    fc.assert(
      fc.property(filter, payload, (f, p) => {
        expect(typeof f(p)).toBe('boolean')
      }),
      RUNS,
    )
  })

  it('JSONKeyEquals matches a payload holding the value at its path, also after the wire', () => {
    fc.assert(
      fc.property(segments, heldValue, (keys, held) => {
        const built = place(keys, held)
        const f = JSONKeyEquals(keys.join('.'), held)
        expect(f(built)).toBe(true)
        expect(f(JSON.parse(JSON.stringify(built)))).toBe(true)
        expect(JSONKeyExists(keys.join('.'))(built)).toBe(true)
        expect(JSONKeyIn(keys.join('.'), [held])(built)).toBe(true)
      }),
      RUNS,
    )
  })

  it('never reads through a prototype: nothing is found on an empty object', () => {
    fc.assert(
      fc.property(path, (at) => {
        expect(JSONKeyExists(at)({})).toBe(false)
        expect(JSONKeyExists(at)([])).toBe(false)
      }),
      RUNS,
    )
  })

  it('not(f) always answers the opposite of f', () => {
    fc.assert(
      fc.property(filter, payload, (f, p) => {
        expect(not(f)(p)).toBe(!f(p))
      }),
      RUNS,
    )
  })

  it('and and or agree with every and some', () => {
    fc.assert(
      fc.property(fc.array(filter, { maxLength: 4 }), payload, (fs, p) => {
        expect(and(...fs)(p)).toBe(fs.every((f) => f(p)))
        expect(or(...fs)(p)).toBe(fs.some((f) => f(p)))
      }),
      RUNS,
    )
  })
})
