/**
 * fast-check generators of hostile but valid content: any Unicode (astral, RTL, combining
 * marks), markup-looking text, `]]>`, entities, very long strings — cleaned only of what our
 * content rules forbid (control characters, non-characters, lone surrogates, line breaks, edge
 * whitespace).
 */
import fc from 'fast-check'
import type { ArticleEntry } from '../../content/load.ts'
import { NONCHARACTER } from '../../content/noncharacters.ts'
import type { ArticleInput, Inline } from '../../content/schema.ts'
import { tagSlug } from '../../content/tags.ts'

const NONCHARACTER_GLOBAL = new RegExp(NONCHARACTER.source, 'gu')

const FRAGMENTS = [
  ']]>',
  ']]]]><![CDATA[>',
  '<',
  '>',
  '&',
  '&amp;',
  '&nbsp;',
  '&#x26;',
  '&lt;b&gt;',
  '<b>bold</b>',
  '<script>alert(1)</script>',
  '"',
  "'",
  '\u202Eevil\u202C',
  'שלום',
  'مرحبا',
  'e\u0301',
  'Z\u0351\u0352\u0353',
  '🎉',
  '👩‍👩‍👧',
  '𝔘𝔫𝔦',
  '\t',
  '\u00A0',
  '\u3000',
  '--',
]

/** Replaces what content rules forbid in one-line text, keeping everything else as generated (in NFC). */
export const cleanLine = (text: string): string =>
  text
    .toWellFormed()
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
    .replace(/[\u0000-\u0008\u000A-\u001F\u007F-\u009F\uFFFE\uFFFF\u2028\u2029]/g, ' ')
    .replace(/\uFFFD/g, '?')
    .replace(NONCHARACTER_GLOBAL, ' ')
    // Content is published in NFC (content/normalize.ts): generate it so, to compare exactly.
    .normalize('NFC')

const fragment = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 300, maxLength: 3000 }) },
)

/** A run of a paragraph: may start or end with spaces. */
export const run = fc.array(fragment, { minLength: 1, maxLength: 6 }).map((parts) => cleanLine(parts.join('')))

/** A one-line field: trimmed, with at least one visible character. */
export const line = run.map((text) => {
  const trimmed = text.trim()
  return /\S/.test(trimmed) ? trimmed : `x${trimmed}x`
})

const inline: fc.Arbitrary<Inline> = fc.oneof(
  run,
  line.map((quote) => ({ quote })),
)
const paragraph = fc.array(inline, { minLength: 1, maxLength: 4 }).map((runs) => [...runs, ' .'] as Inline[])

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0')

/** A content date: a calendar day, or a date-time with an offset from -12:00 to +14:00. */
export const contentDate = fc
  .tuple(
    fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }),
    fc.option(fc.integer({ min: -12 * 60, max: 14 * 60 }), { nil: undefined }),
  )
  .map(([date, offset]) => {
    if (offset === undefined)
      return { text: date.toISOString().slice(0, 10), at: new Date(date.toISOString().slice(0, 10)) }
    const at = new Date(Math.floor(date.getTime() / 1000) * 1000)
    const local = new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19)
    const sign = offset < 0 ? '-' : '+'
    return { text: `${local}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`, at }
  })

/** Tag names, unique by URL slug, without angle brackets, each with a letter or digit. */
export const tagPool = fc.uniqueArray(
  line.map((name) => `${name.replace(/[<>]/g, '').trim()}a`),
  { minLength: 1, maxLength: 6, selector: tagSlug },
)

export type GeneratedArticle = { readonly entry: ArticleEntry; readonly published: Date; readonly updated: Date }

const article = (tags: string[]) =>
  fc
    .record({
      title: line,
      standfirst: line,
      dateline: line,
      source: line,
      published: contentDate,
      later: fc.option(fc.integer({ min: 0, max: 10 * 365 * 86_400 }), { nil: undefined }),
      tags: fc.subarray(tags),
      body: fc.array(paragraph, { minLength: 1, maxLength: 4 }),
    })
    .map((a) => ({
      ...a,
      updated: a.later === undefined ? undefined : new Date(a.published.at.getTime() + a.later * 1000),
    }))

/** 1–5 valid articles with distinct ids and slugs. */
export const articles = tagPool.chain((tags) =>
  fc.array(article(tags), { minLength: 1, maxLength: 5 }).map((list) =>
    list.map((a, i): GeneratedArticle => {
      const input: ArticleInput = {
        id: `gen-${i}`,
        title: a.title,
        standfirst: a.standfirst,
        dateline: a.dateline,
        source: a.source,
        published: a.published.text,
        updated: a.updated?.toISOString(),
        tags: a.tags,
        body: a.body,
      }
      return { entry: [`article-${i}`, input], published: a.published.at, updated: a.updated ?? a.published.at }
    }),
  ),
)
