/**
 * @module
 * Checks the site and every article, and returns them only if all are valid. `npm run check`,
 * `npm run publish` (and so `npm run dev` and `npm run deploy`) run it on every article file, so
 * invalid content is named by file and field and never reaches storage.
 */
import { type Article, type ArticleEntry, articleFile, type Content, SITE_FILE } from './content.ts'
import { checkCorrections, latestChange } from './corrections.ts'
import { findDatelineLead } from './dateline-lead.ts'
import { parseContentDate } from './dates.ts'
import { ContentError, type Problem } from './errors.ts'
import { imageFieldProblems } from './image-rules.ts'
import { ARTICLE_FIELDS, FIGURE_FIELDS, QUOTE_FIELDS, SITE_FIELDS, unknownFields } from './known-fields.ts'
import { findMarkupAdvice } from './markup-advice.ts'
import { collidingNames } from './name-collision.ts'
import { nfc, normalizeArticle, normalizeSite } from './normalize.ts'
import { DNS_NAME, KEBAB_CASE, LANGUAGE_TAG, runProblem, SLUG, TAG_DATE, textProblem } from './rules.ts'
import type { ArticleInput, Inline, SiteInput } from './schema.ts'
import { tagSlug } from './tags.ts'
import { findTranslationProblems } from './translations.ts'

export { type Article, type ArticleEntry, articleFile, type Content, SITE_FILE, type Site } from './content.ts'

const fileOf = ([slug, , file]: ArticleEntry): string => file ?? articleFile(slug)

type Report = (field: string, message: string, fix: string) => void

const reporter =
  (problems: Problem[], file: string): Report =>
  (field, message, fix) =>
    problems.push({ file, field, message, fix })

const checkText = (report: Report, field: string, value: unknown, fix: string): void => {
  const problem = textProblem(value)
  if (problem) report(field, problem, fix)
}

const checkLanguage = (report: Report, field: string, value: unknown): void => {
  if (typeof value === 'string' && LANGUAGE_TAG.test(value)) return
  report(field, `${JSON.stringify(value)} is not a BCP 47 language tag.`, 'use a tag such as "en" or "en-GB".')
}

/** Reports every field of `value` that `allowed` does not list (content/known-fields.ts). */
const checkKnownFields = (
  report: Report,
  value: object,
  allowed: Readonly<Record<string, true>>,
  prefix?: string,
): void => {
  for (const unknown of unknownFields(value, allowed, prefix)) report(unknown.field, unknown.message, unknown.fix)
}

const checkImage = (report: Report, field: string, value: unknown): void => {
  for (const problem of imageFieldProblems(field, value)) report(problem.field, problem.message, problem.fix)
}

const checkSite = (site: SiteInput, report: Report): void => {
  if (typeof site !== 'object' || site === null) {
    report('default export', 'is not a site.', 'export default defineSite({ … }).')
    return
  }
  checkKnownFields(report, site, SITE_FIELDS)
  checkText(report, 'title', site.title, 'name the publication in plain text.')
  checkText(report, 'description', site.description, 'describe the publication in one plain-text line.')
  checkText(report, 'publisher', site.publisher, 'name the publisher.')
  checkLanguage(report, 'language', site.language)
  if (typeof site.idAuthority !== 'string' || !DNS_NAME.test(site.idAuthority))
    report('idAuthority', 'is not a lower-case domain name.', 'use a domain you control, e.g. "news.example.com".')
  if (typeof site.idDate !== 'string' || !TAG_DATE.test(site.idDate))
    report('idDate', 'is not an RFC 4151 date.', 'use YYYY, YYYY-MM or YYYY-MM-DD.')
  if (!Number.isInteger(site.ttlMinutes) || site.ttlMinutes < 1 || site.ttlMinutes > 1440)
    report('ttlMinutes', 'must be a whole number of minutes from 1 to 1440.', 'use e.g. 15 for news.')
  for (const field of ['feedSize', 'archivePageSize'] as const) {
    const value = site[field]
    if (value !== undefined && (!Number.isInteger(value) || value < 1 || value > 1000))
      report(field, 'must be a whole number from 1 to 1000.', 'leave it out for the default of 50.')
  }
}

const inlineText = (inline: Inline): unknown => (typeof inline === 'string' ? inline : inline?.quote)

const isObject = (value: unknown): value is object => typeof value === 'object' && value !== null

/** A figure between paragraphs: `{ figure: { src, alt, credit } }`. */
const checkFigure = (block: object, field: string, report: Report): void => {
  checkKnownFields(report, block, FIGURE_FIELDS, field)
  checkImage(report, `${field}.figure`, (block as { figure?: unknown }).figure)
}

const checkBody = (body: unknown, report: Report): void => {
  if (!Array.isArray(body) || !body.some((block) => Array.isArray(block))) {
    report('body', 'has no paragraphs.', 'add the article text as an array of paragraphs.')
    return
  }
  body.forEach((paragraph: unknown, p) => {
    const field = `body[${p}]`
    if (isObject(paragraph) && !Array.isArray(paragraph) && 'figure' in paragraph) {
      checkFigure(paragraph, field, report)
      return
    }
    if (!Array.isArray(paragraph) || paragraph.length === 0) {
      report(
        field,
        'is not a non-empty array of text runs, nor a figure.',
        "write the paragraph as ['text', { quote: '…' }, …], or a picture as { figure: { src, alt, credit } }.",
      )
      return
    }
    paragraph.forEach((inline: Inline, i) => {
      if (isObject(inline)) checkKnownFields(report, inline, QUOTE_FIELDS, `${field}[${i}]`)
      const value = inlineText(inline)
      const problem = runProblem(value)
      if (problem) report(`${field}[${i}]`, problem, 'write plain text (a string) or { quote: "…" } on one line.')
    })
    if (paragraph.every((inline: Inline) => String(inlineText(inline) ?? '').trim() === ''))
      report(field, 'is empty or only whitespace.', 'remove the paragraph or write its text.')
  })
}

/**
 * Refused, not stripped: the file stays exactly what the page shows, and nothing changes the
 * text behind the author's back. The page prints the lead from dateline, published and source
 * (src/feed/body.ts), so a pasted wire lead would be printed twice.
 */
const checkDatelineLead = (article: ArticleInput, language: string, report: Report): void => {
  const first = Array.isArray(article.body) && Array.isArray(article.body[0]) ? article.body[0][0] : undefined
  if (typeof first !== 'string') return
  const lead = findDatelineLead(first, language)
  if (lead === undefined) return
  report(
    'body[0]',
    `starts with the dateline lead "${lead.trim()}", which pages and feeds already print from dateline, published and source.`,
    `delete "${lead.trim()}" from the start of the first paragraph (check that dateline, published and source say the same).`,
  )
}

type ParsedDates = { readonly published: Date; readonly updated: Date; readonly corrections: readonly Date[] }

/** Checks the dates, the corrections' too; returns them parsed when they are all valid. */
const checkDates = (article: ArticleInput, report: Report): ParsedDates | undefined => {
  const dates = checkArticleDates(article, report)
  const corrections = checkCorrections(article, dates?.published, report)
  return dates && corrections && { ...dates, corrections }
}

const checkArticleDates = (
  article: ArticleInput,
  report: Report,
): { readonly published: Date; readonly updated: Date } | undefined => {
  const fix = 'write a real date as YYYY-MM-DD, or YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM.'
  const published = typeof article.published === 'string' ? parseContentDate(article.published) : undefined
  if (!published) report('published', `${JSON.stringify(article.published)} is not a real date.`, fix)
  if (article.updated === undefined) return published && { published, updated: published }
  const updated = typeof article.updated === 'string' ? parseContentDate(article.updated) : undefined
  if (!updated) report('updated', `${JSON.stringify(article.updated)} is not a real date.`, fix)
  else if (published && updated < published)
    report(
      'updated',
      `${article.updated} is before published (${article.published}).`,
      'set updated on or after published, or remove it.',
    )
  return published && updated && updated >= published ? { published, updated } : undefined
}

/** What is wrong with one tag name, or undefined. */
const tagProblem = (tag: unknown): { message: string; fix: string } | undefined => {
  const problem = textProblem(tag)
  if (problem) return { message: problem, fix: 'write the tag as a short plain-text name.' }
  // `feed` writes Atom category attributes escaping only `&` and `"`; `<` would break the XML.
  if (/[<>]/.test(tag as string))
    return { message: 'contains < or >.', fix: 'tags are plain names: remove the angle brackets.' }
  if (tagSlug(tag as string) === '')
    return { message: `"${tag}" has no letter or digit to make a URL from.`, fix: 'use a name with letters or digits.' }
  return undefined
}

const checkTags = (tags: unknown, report: Report): void => {
  if (!Array.isArray(tags)) {
    report('tags', 'must be an array of tag names.', "write e.g. tags: ['China', 'Russia'].")
    return
  }
  const seen = new Map<string, string>()
  tags.forEach((tag: unknown, i) => {
    const problem = tagProblem(tag)
    if (problem) {
      report(`tags[${i}]`, problem.message, problem.fix)
      return
    }
    const name = tag as string
    const other = seen.get(tagSlug(name))
    if (other !== undefined) {
      const [these, those] = collidingNames(name, other)
      report(`tags[${i}]`, `${these} repeats ${those} (both are /tags/${tagSlug(name)}).`, 'list each tag once.')
    }
    seen.set(tagSlug(name), name)
  })
}

const checkArticle = (
  slug: string,
  article: ArticleInput,
  siteLanguage: string,
  report: Report,
): ParsedDates | undefined => {
  if (typeof article !== 'object' || article === null) {
    report('default export', 'is not an article.', 'export default defineArticle({ … }).')
    return undefined
  }
  checkKnownFields(report, article, ARTICLE_FIELDS)
  if (!SLUG.test(slug))
    report(
      'slug (file name)',
      `"${slug}" is not lower-case kebab-case.`,
      'rename the file, e.g. china-russia-talks.ts or россия-китай.ts.',
    )
  if (typeof article.id !== 'string' || !KEBAB_CASE.test(article.id) || article.id.length > 64)
    report(
      'id',
      `${JSON.stringify(article.id)} is not lower-case letters, digits and hyphens (at most 64).`,
      'use the id `npm run new` generated; never change it once published.',
    )
  checkText(report, 'title', article.title, 'write the headline as plain text on one line.')
  checkText(report, 'standfirst', article.standfirst, 'write the line under the headline as plain text.')
  checkText(report, 'dateline', article.dateline, 'write the place the story was filed from, e.g. "Beijing".')
  checkText(report, 'source', article.source, 'credit the agency or author, e.g. "TASS".')
  const dates = checkDates(article, report)
  if (article.language !== undefined) checkLanguage(report, 'language', article.language)
  checkTags(article.tags, report)
  if (article.image !== undefined) checkImage(report, 'image', article.image)
  checkBody(article.body, report)
  checkDatelineLead(article, typeof article.language === 'string' ? article.language : siteLanguage, report)
  return dates
}

/** Problems that involve more than one article: the same slug, id or tag slug twice. */
const checkAcrossArticles = (entries: readonly ArticleEntry[], problems: Problem[]): void => {
  const slugs = new Map<string, string>()
  const ids = new Map<string, string>()
  const tags = new Map<string, { name: string; file: string }>()
  for (const entry of entries) {
    const [slug, article] = entry
    const file = fileOf(entry)
    const slugOwner = slugs.get(slug)
    if (slugOwner !== undefined)
      reporter(problems, file)(
        'slug (file name)',
        `"${slug}" is also the file name of ${slugOwner}: both would be /articles/${slug}.`,
        'rename one of the files: the file name is the URL.',
      )
    else slugs.set(slug, file)
    const idOwner = ids.get(article?.id)
    if (idOwner !== undefined)
      reporter(problems, file)(
        'id',
        `"${article.id}" is already the id of ${idOwner}.`,
        'give each article a unique id (npm run new makes one).',
      )
    else if (typeof article?.id === 'string') ids.set(article.id, file)
    for (const name of Array.isArray(article?.tags) ? article.tags : []) {
      if (typeof name !== 'string') continue
      const slugOfTag = tagSlug(name)
      const other = tags.get(slugOfTag)
      // Within one article, checkTags has already reported it.
      if (other && other.name !== name && other.file !== file) {
        const [these, those] = collidingNames(name, other.name)
        reporter(problems, file)(
          'tags',
          `${these} and ${those} (${other.file}) share the URL /tags/${slugOfTag}.`,
          `spell the tag exactly "${other.name}".`,
        )
      } else if (!other && slugOfTag) tags.set(slugOfTag, { name, file })
    }
  }
}

type Checked = {
  readonly problems: Problem[]
  readonly dates: Map<ArticleInput, ParsedDates>
  /** The content as checked: every text in NFC (content/normalize.ts). */
  readonly site: SiteInput
  readonly entries: readonly ArticleEntry[]
}

/** An article's dates as its checks parsed them, in milliseconds since the epoch (`updated` is `published` when absent). */
export type CheckedDates = {
  readonly published: number
  readonly updated: number
  readonly corrections: readonly number[]
}

/** The dates a loaded article was checked with, to be given back in `checked` (the publish cache keeps them). */
export const checkedDatesOf = (article: Article): CheckedDates => ({
  published: article.publishedAt.getTime(),
  updated: (article.updated === undefined
    ? article.publishedAt
    : (parseContentDate(article.updated) as Date)
  ).getTime(),
  corrections: article.correctionsAt.map((date) => date.getTime()),
})

const parsedDatesOf = ({ published, updated, corrections }: CheckedDates): ParsedDates => ({
  published: new Date(published),
  updated: new Date(updated),
  corrections: corrections.map((date) => new Date(date)),
})

/**
 * `checked`: files whose article passed every check before, unchanged since, under the same rules
 * (the publish cache, src/publisher/files/content-cache.ts), with the dates those checks parsed.
 * They are not checked or normalised again: their entries are given as the checks left them (the
 * slug too in NFC). The checks across articles (ids, slugs, tags) still include them.
 */
export type LoadOptions = { readonly checked?: ReadonlyMap<string, CheckedDates> }

const check = (input: SiteInput, inputEntries: readonly ArticleEntry[], options: LoadOptions = {}): Checked => {
  const site = normalizeSite(input)
  const entries = inputEntries.map(
    (entry): ArticleEntry =>
      options.checked?.has(fileOf(entry)) ? entry : [nfc(entry[0]), normalizeArticle(entry[1]), entry[2]],
  )
  const problems: Problem[] = []
  const dates = new Map<ArticleInput, ParsedDates>()
  checkSite(site, reporter(problems, SITE_FILE))
  if (entries.length === 0)
    problems.push({
      file: 'content/articles/',
      field: 'articles',
      message: 'holds no article.',
      fix: 'add one with `npm run new -- "Headline"`.',
    })
  for (const entry of entries) {
    const [slug, article] = entry
    const file = fileOf(entry)
    const known = options.checked?.get(file)
    const parsed = known ? parsedDatesOf(known) : checkArticle(slug, article, site.language, reporter(problems, file))
    if (parsed) dates.set(article, parsed)
  }
  checkAcrossArticles(entries, problems)
  for (const { index, message, fix } of findTranslationProblems(
    entries.map(([, article]) => article),
    site.language,
  ))
    problems.push({ file: fileOf(entries[index] as ArticleEntry), field: 'translationOf', message, fix })
  return { problems, dates, site, entries }
}

/** All problems in the given content; empty when it can be published. */
export const findContentProblems = (site: SiteInput, entries: readonly ArticleEntry[]): Problem[] =>
  check(site, entries).problems

/** Checks everything and returns the content, or throws one ContentError listing every problem. */
export const loadContent = (
  input: SiteInput,
  inputEntries: readonly ArticleEntry[],
  options: LoadOptions = {},
): Content => {
  const { problems, dates, site, entries } = check(input, inputEntries, options)
  if (problems.length > 0) throw new ContentError(problems)
  const articles = entries.map((entry) => {
    const [slug, article] = entry
    const { published, updated, corrections } = dates.get(article) as ParsedDates
    return {
      ...article,
      slug,
      file: fileOf(entry),
      publishedAt: published,
      updatedAt: latestChange(updated, corrections),
      correctionsAt: corrections,
    }
  })
  return { site, articles }
}

/**
 * Advice, not errors: articles that share an `updated` instant, and titles that look like
 * markup (content/markup-advice.ts). Atom validators recommend distinct entry dates (W3C
 * feedvalidator DuplicateUpdated), and readers order such articles arbitrarily; when the
 * source gives a time of day, writing it avoids both.
 */
export const findContentAdvice = (content: Content): Problem[] => {
  const byInstant = new Map<number, Article>()
  const advice: Problem[] = []
  for (const article of content.articles) {
    const other = byInstant.get(article.updatedAt.getTime())
    if (other)
      advice.push({
        file: article.file,
        field: article.updated === undefined ? 'published' : 'updated',
        message: `is the same instant as ${other.file} (${article.updatedAt.toISOString()}).`,
        fix: 'if the source gives a time of day, write it (e.g. 2023-09-18T10:30:00+08:00).',
      })
    else byInstant.set(article.updatedAt.getTime(), article)
  }
  advice.push(...findMarkupAdvice(content, SITE_FILE))
  return advice
}

/**
 * Dates after `now`: a typo or a wrong offset would become a Last-Modified in the future, which
 * RFC 9110 §8.8.2.1 forbids and which would answer later changes with 304. Checked by
 * `npm run check`, which has a clock; a Worker has none while its module loads.
 */
export const findFutureDates = (content: Content, now: Date): Problem[] =>
  // updatedAt is the latest of them all (published <= updated <= updatedAt, corrections <= updatedAt):
  // only an article whose updatedAt is in the future has a date to report.
  content.articles
    .filter((article) => article.updatedAt > now)
    .flatMap((article) =>
      (
        [
          ['published', article.publishedAt],
          ['updated', article.updated === undefined ? undefined : parseContentDate(article.updated)],
          ...article.correctionsAt.map((date, i) => [`corrections[${i}].date`, date] as const),
        ] as const
      )
        .filter(([, date]) => date !== undefined && date > now)
        .map(([field, date]) => ({
          file: article.file,
          field,
          message: `${date?.toISOString()} is in the future.`,
          fix: 'use the date the article was published or changed; check the UTC offset.',
        })),
    )
