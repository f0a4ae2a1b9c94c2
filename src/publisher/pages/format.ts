/** @module Dates as people read them on our pages: "18 September 2023", in UTC like the feeds. */
import { MONTH_NAMES } from '../feed/month-names.ts'

export const formatDisplayDate = (date: Date): string =>
  `${date.getUTCDate()} ${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCFullYear()}`

/** `datetime` attribute: a date-only value when the content gave no time of day. */
export const machineDate = (date: Date): string => {
  const iso = date.toISOString()
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace('.000Z', 'Z')
}
