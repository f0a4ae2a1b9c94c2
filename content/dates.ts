/**
 * @module
 * Content dates. A calendar day (`2023-09-18`) stands for 00:00:00 UTC of that day: the wire
 * gives no time, and midnight UTC keeps the same calendar day in every feed format's UTC
 * rendering. A full RFC 3339 date-time (`2023-09-18T10:30:00+08:00`) is taken as written.
 */

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/
const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):(\d{2}))$/

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

const daysInMonth = (year: number, month: number): number =>
  month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0)

const isRealDay = (year: number, month: number, day: number): boolean =>
  year >= 1900 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)

/** Parses a content date; `undefined` when it is malformed or names a day or time that does not exist. */
export const parseContentDate = (value: string): Date | undefined => {
  const day = DAY.exec(value)
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])]
    return isRealDay(year, month, date) ? new Date(Date.UTC(year, month - 1, date)) : undefined
  }
  const time = DATE_TIME.exec(value)
  if (!time) return undefined
  const [year, month, date, hour, minute] = time.slice(1, 6).map(Number) as [number, number, number, number, number]
  const second = Number(time[6] ?? 0)
  const millisecond = Math.floor(Number(`0${time[7] ?? ''}`) * 1000)
  const offsetHours = Number(time[9] ?? 0)
  const offsetMinutes = Number(time[10] ?? 0)
  if (!isRealDay(year, month, date) || hour > 23 || minute > 59 || second > 59) return undefined
  if (offsetHours > 23 || offsetMinutes > 59) return undefined
  const sign = time[8]?.startsWith('-') ? -1 : 1
  const offset = time[8] === 'Z' ? 0 : sign * (offsetHours * 60 + offsetMinutes)
  return new Date(Date.UTC(year, month - 1, date, hour, minute - offset, second, millisecond))
}

/** The calendar day as written in the content (the dateline's local day), `YYYY-MM-DD`. */
export const contentDay = (value: string): string => value.slice(0, 10)
