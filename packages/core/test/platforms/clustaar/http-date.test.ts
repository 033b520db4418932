import { describe, expect, it } from 'vitest'
import { parseHttpDate } from '../../../src/platforms/clustaar/http-date.ts'

describe('parseHttpDate', () => {
  it.each([
    ['Sun, 06 Nov 1994 08:49:37 GMT', '1994-11-06T08:49:37Z'],
    ['Sunday, 06-Nov-94 08:49:37 GMT', '1994-11-06T08:49:37Z'],
    ['Sun Nov  6 08:49:37 1994', '1994-11-06T08:49:37Z'],
    ['Thu, 29 Feb 2024 23:59:59 GMT', '2024-02-29T23:59:59Z'],
    ['Thursday, 01-Jan-70 00:00:00 GMT', '1970-01-01T00:00:00Z'],
    ['Tuesday, 31-Dec-69 00:00:00 GMT', '2069-12-31T00:00:00Z'],
    ['Mon, 10 Jun 2024 06:13:20 GMT', '2024-06-10T06:13:20Z'],
  ])('reads %s', (text, iso) => {
    expect(parseHttpDate(text)).toBe(Date.parse(iso))
  })

  it('reads a leap second as the next second, as HTTP allows 60', () => {
    expect(parseHttpDate('Sun, 31 Dec 2023 23:59:60 GMT')).toBe(Date.parse('2024-01-01T00:00:00Z'))
  })

  it('keeps a four-digit year below 100 as it is', () => {
    const at = new Date(parseHttpDate('Thu, 01 Jan 0099 00:00:00 GMT'))
    expect(at.getUTCFullYear()).toBe(99)
  })

  it('agrees with Date#toUTCString, which the testing builders send', () => {
    for (const ms of [0, 951_782_400_000, 1_718_000_000_000, 4_102_444_799_000]) {
      expect(parseHttpDate(new Date(ms).toUTCString())).toBe(ms)
    }
  })

  it.each([
    ['a 29 February outside a leap year', 'Wed, 29 Feb 2023 00:00:00 GMT'],
    ['31 April', 'Thu, 31 Apr 2024 00:00:00 GMT'],
    ['day 00', 'Sun, 00 Jun 2024 00:00:00 GMT'],
    ['hour 24', 'Mon, 10 Jun 2024 24:00:00 GMT'],
    ['minute 60', 'Mon, 10 Jun 2024 06:60:00 GMT'],
    ['second 61', 'Mon, 10 Jun 2024 06:13:61 GMT'],
    ['the wrong weekday', 'Sun, 10 Jun 2024 06:13:20 GMT'],
    ['the wrong long weekday', 'Sunday, 10-Jun-24 06:13:20 GMT'],
    ['a short weekday in RFC 850 form', 'Mon, 10-Jun-24 06:13:20 GMT'],
    ['an unknown month', 'Mon, 10 Jux 2024 06:13:20 GMT'],
    ['a one-digit day in IMF-fixdate', 'Mon, 3 Jun 2024 06:13:20 GMT'],
    ['UTC instead of GMT', 'Mon, 10 Jun 2024 06:13:20 UTC'],
    ['no zone', 'Mon, 10 Jun 2024 06:13:20'],
    ['lower case', 'mon, 10 jun 2024 06:13:20 gmt'],
    ['ISO 8601', '2024-06-10T06:13:20Z'],
    ['Unix seconds', '1718000000'],
    ['an empty string', ''],
    ['a trailing newline', 'Mon, 10 Jun 2024 06:13:20 GMT\n'],
  ])('refuses %s', (_, text) => {
    expect(parseHttpDate(text)).toBeNaN()
  })
})
