/**
 * @module
 * Recognises the wire dateline lead ("MOSCOW, December 3. /TASS/.", "МОСКВА, 3 декабря. /ТАСС/.")
 * at the start of a body. Pages and feeds print that lead themselves, from `dateline`,
 * `published` and `source` (src/feed/body.ts), so a body pasted from the wire with its own lead
 * would show it twice. The month names come from the article's language (Intl, CLDR data) and
 * from English, the language our renderer writes the lead in.
 */

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')

/** A literal between date parts: its spaces may be any run of whitespace, or none. */
const literalPattern = (literal: string): string =>
  literal
    .split(/\s+/)
    .map((part) => escapeRegExp(part))
    .join('\\s*')

const DAY = '\\p{Nd}{1,2}'
const SAMPLE_DAY = 15

/** Month names as the language writes them in a date and on their own, long and short. */
const monthNames = (language: string): string[] => {
  const names = new Set<string>()
  for (const month of ['long', 'short'] as const) {
    const inDate = new Intl.DateTimeFormat(language, { month, day: 'numeric', timeZone: 'UTC' })
    const alone = new Intl.DateTimeFormat(language, { month, timeZone: 'UTC' })
    for (let m = 0; m < 12; m++) {
      const date = new Date(Date.UTC(2001, m, SAMPLE_DAY))
      const part = inDate.formatToParts(date).find((p) => p.type === 'month')?.value
      if (part) names.add(part)
      names.add(alone.format(date))
    }
  }
  // Longest first, so that "December" is tried before "Dec".
  return [...names].filter((name) => name.trim() !== '').sort((a, b) => b.length - a.length)
}

/**
 * The language's own order of day and month ("3 декабря", "December 3", "3. Dezember",
 * "12月3日"), taken from CLDR through Intl, with the month name and the day as patterns.
 */
const datePattern = (language: string): string => {
  const months = `(?:${monthNames(language).map(escapeRegExp).join('|')})`
  const parts = new Intl.DateTimeFormat(language, { month: 'long', day: 'numeric', timeZone: 'UTC' }).formatToParts(
    new Date(Date.UTC(2001, 11, SAMPLE_DAY)),
  )
  const own = parts
    .map((part) => (part.type === 'day' ? DAY : part.type === 'month' ? months : literalPattern(part.value)))
    .join('')
  // Either order is accepted too: wires do not always follow CLDR.
  return `(?:${own}|${DAY}\\.?\\s+${months}|${months}\\s+${DAY})`
}

const leads = new Map<string, RegExp>()

/** The language if Intl knows it, else English (an unknown or malformed tag must not throw). */
const supportedLanguage = (language: string): string => {
  try {
    return Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0 ? language : 'en'
  } catch {
    return 'en'
  }
}

/**
 * Place, date (optionally with the year), then `/SOURCE/`: the shape src/feed/body.ts renders.
 * The place has no sentence punctuation, so ordinary opening sentences never match. Built once
 * per language tag: the check runs on every article at load (BENCHMARKS.md).
 */
const leadPattern = (language: string): RegExp => {
  let pattern = leads.get(language)
  if (pattern === undefined) {
    const supported = supportedLanguage(language)
    const dates = [...new Set([datePattern(supported), datePattern('en')])].join('|')
    pattern = new RegExp(
      `^\\s*[^\\s,.;:!?"«»“”„/][^,.;:!?"«»“”„/]{0,59},\\s*(?:${dates})(?:,?\\s*\\p{Nd}{4})?\\.?\\s*/[^/\\s][^/]{0,39}/\\.?\\s*`,
      'iu',
    )
    leads.set(language, pattern)
  }
  return pattern
}

/**
 * The dateline lead that opens `text` ("MOSCOW, December 3. /TASS/. "), trailing spaces
 * included, or `undefined`. `language` is the article's BCP 47 tag.
 */
export const findDatelineLead = (text: string, language: string): string | undefined => {
  // Most bodies have no slash near their start: one cheap test before any pattern is built.
  if (!text.slice(0, 200).includes('/')) return undefined
  return leadPattern(language).exec(text)?.[0]
}
