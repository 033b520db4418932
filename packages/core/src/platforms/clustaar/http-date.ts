const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const LONG_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']

// RFC 9110 §5.6.7: a recipient must accept the preferred IMF-fixdate and both obsolete forms.
const IMF_FIXDATE = /^([A-Z][a-z]{2}), (\d{2}) ([A-Z][a-z]{2}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/
const RFC_850 = /^([A-Z][a-z]{5,8}), (\d{2})-([A-Z][a-z]{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/
const ASCTIME = /^([A-Z][a-z]{2}) ([A-Z][a-z]{2}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/

/**
 * Reads an HTTP-date (`Sun, 06 Nov 1994 08:49:37 GMT`, or the obsolete RFC 850 and asctime
 * forms) as epoch milliseconds; anything else, an impossible date (`31 Feb`) or a weekday
 * that does not fit the date is `NaN`. Unlike `Date.parse`, it accepts no other spelling, so
 * what passes the replay window is exactly what HTTP calls a date.
 */
export function parseHttpDate(text: string): number {
  const fix = IMF_FIXDATE.exec(text)
  if (fix !== null) {
    const [, day, date, month, year, hours, minutes, seconds] = fix
    return toEpoch(DAYS, day, { year, month, date, hours, minutes, seconds })
  }
  const rfc850 = RFC_850.exec(text)
  if (rfc850 !== null) {
    const [, day, date, month, short, hours, minutes, seconds] = rfc850
    // Two-digit years: 70-99 are the 1900s, the rest the 2000s, which holds for every date
    // inside a replay window until 2070.
    const year = String(Number(short) + (Number(short) >= 70 ? 1900 : 2000))
    return toEpoch(LONG_DAYS, day, { year, month, date, hours, minutes, seconds })
  }
  const asctime = ASCTIME.exec(text)
  if (asctime !== null) {
    const [, day, month, date, hours, minutes, seconds, year] = asctime
    return toEpoch(DAYS, day, { year, month, date: date?.trim(), hours, minutes, seconds })
  }
  return Number.NaN
}

type Parts = Record<'year' | 'month' | 'date' | 'hours' | 'minutes' | 'seconds', string | undefined>

function toEpoch(dayNames: readonly string[], day: string | undefined, parts: Parts): number {
  const month = MONTHS.indexOf(parts.month ?? '')
  const [year, date, hours, minutes, seconds] = [
    parts.year,
    parts.date,
    parts.hours,
    parts.minutes,
    parts.seconds,
  ].map(Number) as [number, number, number, number, number]
  if (month < 0 || hours > 23 || minutes > 59 || seconds > 60) return Number.NaN
  // setUTCFullYear, unlike Date.UTC, keeps years below 100 as they are.
  const at = new Date(0)
  at.setUTCFullYear(year, month, date)
  // A date that does not round-trip (31 Feb rolls into March) does not exist.
  if (at.getUTCMonth() !== month || at.getUTCDate() !== date) return Number.NaN
  if (dayNames[at.getUTCDay()] !== day) return Number.NaN
  return at.setUTCHours(hours, minutes, seconds)
}
