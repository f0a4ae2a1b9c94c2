/**
 * @module
 * HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime forms a
 * recipient must also accept. Anything else is not a date (and a conditional is then ignored).
 */

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const DAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)'
const LONG_DAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)'
const MONTH = `(${MONTHS.join('|')})`
const TIME = '(\\d{2}):(\\d{2}):(\\d{2})'
const IMF_FIXDATE = new RegExp(`^${DAY}, (\\d{2}) ${MONTH} (\\d{4}) ${TIME} GMT$`)
const RFC_850 = new RegExp(`^${LONG_DAY}, (\\d{2})-${MONTH}-(\\d{2}) ${TIME} GMT$`)
const ASCTIME = new RegExp(`^${DAY} ${MONTH} ([ \\d]\\d) ${TIME} (\\d{4})$`)

const toTime = (year: number, month: string, day: number, h: string, m: string, s: string): number | undefined => {
  const monthIndex = MONTHS.indexOf(month)
  const time = Date.UTC(year, monthIndex, day, Number(h), Number(m), Number(s))
  const date = new Date(time)
  // Reject dates that Date.UTC rolls over, e.g. 31 Feb or 25:00.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== monthIndex || date.getUTCHours() !== Number(h))
    return undefined
  if (Number(m) > 59 || Number(s) > 60) return undefined
  return time
}

/** Milliseconds since the epoch, or undefined when the value is not an HTTP-date. */
export const parseHTTPDate = (value: string | null | undefined): number | undefined => {
  if (!value || value.length > 64) return undefined
  const trimmed = value.trim()
  let match = IMF_FIXDATE.exec(trimmed)
  if (match)
    return toTime(
      Number(match[3]),
      match[2] as string,
      Number(match[1]),
      ...(match.slice(4, 7) as [string, string, string]),
    )
  match = RFC_850.exec(trimmed)
  if (match) {
    // RFC 9110 §5.6.7: a two-digit year that would be more than 50 years in the future is the
    // most recent past year with those digits.
    const thisYear = new Date().getUTCFullYear()
    const inCentury = Math.floor(thisYear / 100) * 100 + Number(match[3])
    const year = inCentury > thisYear + 50 ? inCentury - 100 : inCentury
    return toTime(year, match[2] as string, Number(match[1]), ...(match.slice(4, 7) as [string, string, string]))
  }
  match = ASCTIME.exec(trimmed)
  if (match)
    return toTime(
      Number(match[6]),
      match[1] as string,
      Number((match[2] as string).trim()),
      ...(match.slice(3, 6) as [string, string, string]),
    )
  return undefined
}
