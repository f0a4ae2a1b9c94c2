/**
 * @module
 * A story read from ninjs (read-story.ts) to our article (content/schema.ts), as a pure function:
 * headline → title; description, or else the first paragraph → standfirst; body → paragraphs with
 * quotations as `{ quote }`; `located` → dateline; byline, or else `copyrightholder` → source;
 * subject names → tags; `language`; `firstcreated`/`versioncreated` → published/updated; and the
 * agency's `uri` → a permanent id, so that the same story imported again is the same article.
 */
import { createHash } from 'node:crypto'
import { parseContentDate } from '../../../content/dates.ts'
import { LANGUAGE_TAG } from '../../../content/rules.ts'
import type { ArticleInput, Inline, Paragraph } from '../../../content/schema.ts'

/** Agency copy is text: an imported article's body holds paragraphs only, no figures. */
export type TextArticle = Omit<ArticleInput, 'body'> & { readonly body: readonly Paragraph[] }

import { tagSlug } from '../../../content/tags.ts'
import { htmlLine, htmlParagraphs } from './html-text.ts'
import { splitQuotations } from './quotes.ts'
import type { AgencyText, Located, Story } from './read-story.ts'
import type { InputProblem } from './validate-ninjs.ts'
import { stripWireLead, type WireLead } from './wire-lead.ts'

/**
 * 16 hex digits of the SHA-256 of the agency's `uri`: the shape `npm run new` gives ids (64
 * random bits), a valid id (content/rules.ts KEBAB_CASE), and the same for the same story on
 * every import. The ninjs `uri` is the item's permanent identifier (nar:newsItem@guid).
 */
export const articleIdFromURI = (uri: string): string => createHash('sha256').update(uri).digest('hex').slice(0, 16)

/** Any run of white space (line breaks included) becomes one space: our text fields are one line. */
const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').trim()

const plainLine = (text: AgencyText): string => oneLine(text.html ? htmlLine(text.value) : text.value)

const paragraphText = (paragraph: Paragraph): string =>
  paragraph.map((run) => (typeof run === 'string' ? run : `"${run.quote}"`)).join('')

/** Plain text: one paragraph a line, as the wires send it. */
const textParagraphs = (text: string): Paragraph[] =>
  text
    .split(/\r\n|\r|\n/)
    .map((line) => line.replace(/[ \t\f\v]+/g, ' ').trim())
    .filter((line) => line !== '')
    .map((line) => [line])

/** Quotation marks inside text runs become `{ quote }` runs (quotes.ts). */
const withQuotations = (paragraph: Paragraph): Paragraph =>
  paragraph.flatMap((run): Inline[] => (typeof run === 'string' ? splitQuotations(run) : [run]))

const bodyParagraphs = (body: AgencyText, title: string): Paragraph[] =>
  (body.html ? htmlParagraphs(body.value) : textParagraphs(body.value))
    // HTML5 bodies (TT) repeat the headline as their <h1>: the page prints the title already.
    .filter((paragraph, i) => !(i === 0 && oneLine(paragraphText(paragraph)) === title))
    .map(withQuotations)

/** What is wrong with a date for our content (content/dates.ts), or undefined. */
const dateProblem = (date: Located<string>): InputProblem | undefined =>
  parseContentDate(date.value)
    ? undefined
    : {
        path: date.path,
        message: `${JSON.stringify(date.value)} is not a date-time our content can carry.`,
        fix: 'write it as YYYY-MM-DDTHH:MM:SS with Z or ±HH:MM.',
      }

const dates = (story: Story, problems: InputProblem[]): { published?: string; updated?: string } => {
  const published = story.firstcreated ?? story.versioncreated
  if (!published) {
    problems.push({
      path: '/versioncreated',
      message: 'is missing, and so is firstcreated: the article would have no date.',
      fix: 'add "versioncreated" (and "firstcreated" for a revised story) as RFC 3339 date-times.',
    })
    return {}
  }
  const bad = [story.firstcreated, story.versioncreated].flatMap((date) => {
    const problem = date && dateProblem(date)
    return problem ? [problem] : []
  })
  problems.push(...bad)
  if (bad.length > 0) return {}
  // A revised story: versioncreated after firstcreated is the article's `updated`.
  const version = story.versioncreated
  const later =
    version !== undefined && (parseContentDate(version.value) as Date) > (parseContentDate(published.value) as Date)
  return { published: published.value, updated: later ? version.value : undefined }
}

/** Subject names, once each by their URL (content/tags.ts), without ones that cannot be tags. */
const tagsOf = (subjects: readonly string[]): string[] => {
  const seen = new Set<string>()
  return subjects.map(oneLine).filter((name) => {
    const slug = tagSlug(name)
    if (slug === '' || /[<>]/.test(name) || seen.has(slug)) return false
    seen.add(slug)
    return true
  })
}

const missing = (path: string, what: string, fix: string): InputProblem => ({
  path,
  message: `is missing: ${what}.`,
  fix,
})

/** The article, or every problem that prevents it (with the JSON Pointer and the fix). */
export const articleFromStory = (
  story: Story,
  siteLanguage: string,
): { readonly article?: TextArticle; readonly problems: readonly InputProblem[] } => {
  const problems: InputProblem[] = []
  const v1 = story.generation === '1.6'
  const title = story.headline ? plainLine(story.headline.value) : ''
  if (title === '')
    problems.push(
      missing(
        story.headline?.path ?? (v1 ? '/headline' : '/headlines'),
        'the article needs a headline',
        v1 ? 'add "headline": "…".' : 'add "headlines": [{ "value": "…" }].',
      ),
    )
  const language = story.language && LANGUAGE_TAG.test(story.language.value) ? story.language.value : siteLanguage
  if (story.language && language !== story.language.value)
    problems.push({
      path: story.language.path,
      message: `${JSON.stringify(story.language.value)} is not a BCP 47 language tag.`,
      fix: 'use a tag such as "en" or "nb-NO".',
    })
  let body = story.body ? bodyParagraphs(story.body.value, title) : []
  let lead: WireLead | undefined
  if (body[0]) {
    const stripped = stripWireLead(body[0], language)
    lead = stripped.lead
    body = stripped.paragraph ? [stripped.paragraph, ...body.slice(1)] : body.slice(1)
  }
  if (body.length === 0)
    problems.push(
      missing(
        story.body?.path ?? (v1 ? '/body_html' : '/bodies'),
        'the article needs text',
        v1
          ? 'add the story as "body_html" or "body_text".'
          : 'add the story as "bodies": [{ "contenttype": "text/html", "value": "…" }].',
      ),
    )
  const dateline = story.located ? oneLine(story.located.value) : (lead?.place ?? '')
  if (dateline === '')
    problems.push(missing('/located', 'the article needs the place it was filed from', 'add "located", e.g. "Moscow".'))
  const source = oneLine(story.by?.value ?? story.copyrightholder?.value ?? lead?.source ?? '')
  if (source === '')
    problems.push(
      missing(
        '/copyrightholder',
        'the article needs a source to credit',
        'add "copyrightholder" (the agency) or a byline.',
      ),
    )
  const { published, updated } = dates(story, problems)
  if (problems.length > 0 || published === undefined) return { problems }
  const description = story.description ? plainLine(story.description.value) : ''
  const article: TextArticle = {
    id: articleIdFromURI(story.uri.value),
    title,
    standfirst: description !== '' ? description : oneLine(paragraphText(body[0] as Paragraph)),
    dateline,
    source,
    published,
    ...(updated === undefined ? {} : { updated }),
    ...(story.language ? { language } : {}),
    tags: tagsOf(story.subjects),
    body,
  }
  return { article, problems: [] }
}
