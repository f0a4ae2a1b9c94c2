/**
 * @module
 * Corrections on an article: each dated, on or after `published`, with a one-line text. The latest
 * correction is the article's last significant change, so it dates `updated` (RFC 4287 §4.2.15)
 * while `published` and RSS `pubDate` stay as they were: re-dating them makes readers show an old
 * article as new.
 */
import { parseContentDate } from './dates.ts'
import { textProblem } from './rules.ts'
import type { ArticleInput } from './schema.ts'

type Report = (field: string, message: string, fix: string) => void

const DATE_FIX = 'write the date of the correction as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM.'

/**
 * Checks `corrections` and returns their dates, parsed, in order; undefined when any is wrong.
 * `published`: the article's parsed publication date, when it is valid.
 */
export const checkCorrections = (
  article: ArticleInput,
  published: Date | undefined,
  report: Report,
): readonly Date[] | undefined => {
  const corrections: unknown = article.corrections
  if (corrections === undefined) return []
  if (!Array.isArray(corrections)) {
    report('corrections', 'must be an array.', "write corrections: [{ date: '2024-01-03', text: '…' }].")
    return undefined
  }
  const dates: Date[] = []
  corrections.forEach((correction: unknown, i) => {
    const field = `corrections[${i}]`
    if (typeof correction !== 'object' || correction === null) {
      report(field, 'is not a correction.', "write { date: '2024-01-03', text: 'What was corrected.' }.")
      return
    }
    const { date, text } = correction as { date?: unknown; text?: unknown }
    const problem = textProblem(text)
    if (problem) report(`${field}.text`, problem, 'say in one plain-text line what was corrected.')
    const parsed = typeof date === 'string' ? parseContentDate(date) : undefined
    if (!parsed) {
      report(`${field}.date`, `${JSON.stringify(date)} is not a real date.`, DATE_FIX)
      return
    }
    if (published && parsed < published) {
      report(
        `${field}.date`,
        `${date} is before published (${article.published}).`,
        'a correction comes after publication: check the date and its UTC offset.',
      )
      return
    }
    dates.push(parsed)
  })
  return dates.length === corrections.length ? dates : undefined
}

/** The latest of `updated` and the correction dates: what the article is dated by in feeds. */
export const latestChange = (updated: Date, corrections: readonly Date[]): Date =>
  new Date(Math.max(updated.getTime(), ...corrections.map((date) => date.getTime())))
