/**
 * Dates for test expectations, computed independently of src/feed/ (which has its own month
 * table), so a wrong month name there fails the tests instead of agreeing with itself.
 */

/** The English name of month 1–12, from Intl. */
export const englishMonthName = (month: number): string =>
  new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2000, month - 1, 1)))

/** The month number 1–12 of an English month name; throws on anything else. */
export const monthOfEnglishName = (name: string): number => {
  const month = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].find((m) => englishMonthName(m) === name)
  if (month === undefined) throw new Error(`not an English month name: ${JSON.stringify(name)}`)
  return month
}

/**
 * The wire dateline as the source prints it ("BEIJING, September 18. /TASS/."): place in
 * capitals, the local day as the content writes it, the source.
 */
export const expectedDateline = (article: { dateline: string; published: string; source: string }): string => {
  const [, month = 0, day] = article.published.slice(0, 10).split('-').map(Number)
  return `${article.dateline.toUpperCase()}, ${englishMonthName(month)} ${day}. /${article.source}/.`
}
