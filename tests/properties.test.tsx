/**
 * Property-based tests (fast-check, fixed seed) over content → model → the three feeds and the
 * HTML pages. Valid content of any text comes back exactly from real parsers; invalid values
 * are rejected with the article and field named, and nothing is rendered.
 * More cases: FC_RUNS=1000 npm test; another seed: FC_SEED=… npm test.
 */

import fc from 'fast-check'
import { parseAtomFeed, parseRssFeed } from 'feedsmith'
import { decode } from 'html-entities'
import { describe, expect, inject, it } from 'vitest'
import { ContentError } from '../content/errors.ts'
import { findContentProblems, loadContent } from '../content/load.ts'
import { type ArticleInput, type Inline, isParagraph } from '../content/schema.ts'
import site from '../content/site.ts'
import { renderAtom } from '../src/publisher/feed/atom.ts'
import { buildFeedModel, toFeedItem } from '../src/publisher/feed/build.ts'
import { buildCatalog } from '../src/publisher/feed/catalog.ts'
import { renderJSONFeed } from '../src/publisher/feed/json-feed.ts'
import type { FeedModel } from '../src/publisher/feed/model.ts'
import { renderRSS } from '../src/publisher/feed/rss.ts'
import { ArticlePage } from '../src/publisher/pages/article.tsx'
import { articles, cleanLine, type GeneratedArticle, line } from './helpers/arbitraries.ts'
import { expectedDateline } from './helpers/dates.ts'
import { parseXMLStrict } from './helpers/xml.ts'

const RUNS = inject('fcRuns')
const SEED = inject('fcSeed')
const settings = { numRuns: RUNS, seed: SEED }
const ORIGIN = 'https://news.example.com'

/** The text a reader sees of our HTML: tags dropped, entities decoded. */
const textOf = (html: string): string => decode(html.replace(/<[^>]*>/g, ''))
const inlineText = (inline: Inline) => (typeof inline === 'string' ? inline : inline.quote)

const render = (generated: GeneratedArticle[]) => {
  const content = loadContent(
    site,
    generated.map((g) => g.entry),
  )
  const model = buildFeedModel(buildCatalog(content), { origin: ORIGIN }) as FeedModel
  return { content, model, rss: renderRSS(model), atom: renderAtom(model), json: renderJSONFeed(model) }
}

describe('valid content of any text', () => {
  it('gives well-formed feeds that real parsers read back exactly, with unique, stable ids', () => {
    fc.assert(
      fc.property(articles, (generated) => {
        const { model, rss, atom, json } = render(generated)
        parseXMLStrict(rss)
        parseXMLStrict(atom)
        const feed = JSON.parse(json)
        const rssItems = parseRssFeed(rss).items ?? []
        const atomEntries = parseAtomFeed(atom).entries ?? []
        expect(new Set(model.items.map((item) => item.id)).size).toBe(generated.length)
        for (const g of generated) {
          const [, input] = g.entry
          const id = `tag:${site.idAuthority},${site.idDate}:article:${input.id}`
          const item = model.items.find((i) => i.id === id)
          const fromRSS = rssItems.find((i) => i.guid?.value === id)
          const fromAtom = atomEntries.find((e) => e.id === id)
          const fromJSON = feed.items.find((i: { id: string }) => i.id === id)
          expect(item?.published.getTime()).toBe(g.published.getTime())
          expect(item?.updated.getTime()).toBe(g.updated.getTime())
          // Titles and summaries: plain text in, the same text out.
          expect(fromRSS?.title).toBe(input.title)
          expect(decode(fromRSS?.description ?? '')).toBe(input.standfirst)
          expect(decode(fromAtom?.title?.value ?? '')).toBe(input.title)
          expect(decode(fromAtom?.summary?.value ?? '')).toBe(input.standfirst)
          expect(fromJSON.title).toBe(input.title)
          expect(fromJSON.summary).toBe(input.standfirst)
          // Tags, in order.
          expect(fromRSS?.categories?.map((c) => c.name) ?? []).toEqual(input.tags)
          expect(fromAtom?.categories?.map((c) => c.term) ?? []).toEqual(input.tags)
          expect(fromJSON.tags).toEqual(input.tags)
          // Body: the same HTML everywhere, whose text is the standfirst and every run.
          expect(fromRSS?.content?.encoded).toBe(fromJSON.content_html)
          expect(fromAtom?.content?.value).toBe(fromJSON.content_html)
          const [first, ...rest] = input.body.filter(isParagraph).map((p) => p.map(inlineText).join(''))
          const expectedText = [input.standfirst, `${expectedDateline(input)} ${first}`, ...rest].join('\n')
          expect(textOf(fromJSON.content_html)).toBe(expectedText)
        }
        // Stable: the same content renders the same bytes.
        const again = render(generated)
        expect([again.rss, again.atom, again.json]).toEqual([rss, atom, json])
      }),
      settings,
    )
  })

  it('gives article pages that show the text escaped, never as markup', async () => {
    await fc.assert(
      fc.asyncProperty(articles, async (generated) => {
        const { content, model } = render(generated)
        const catalog = buildCatalog(content)
        for (const entry of catalog.entries) {
          const html = await (
            <ArticlePage
              site={{ title: 'T', homeURL: `${ORIGIN}/`, language: 'en' }}
              publisher="P"
              item={toFeedItem(entry, ORIGIN)}
              feeds={model.links}
              tagURL={(slug) => `${ORIGIN}/tags/${slug}`}
            />
          ).toString()
          const h1 = /<h1>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? ''
          expect(h1).not.toMatch(/<|>/)
          expect(decode(h1)).toBe(entry.title)
          expect(html).not.toContain('<script>alert')
          const jsonLD = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? ''
          expect(JSON.parse(jsonLD).headline).toBe(entry.title)
        }
      }),
      { ...settings, numRuns: Math.max(10, Math.floor(RUNS / 4)) },
    )
  })
})

const FORBIDDEN = [
  '\u0000',
  '\u0001',
  '\u0008',
  '\u000B',
  '\u000C',
  '\u000E',
  '\u001F',
  '\uFFFE',
  '\uFFFF',
  '\uD800',
  '\uDC00',
]
const TEXT_FIELDS = ['title', 'standfirst', 'dateline', 'source'] as const

describe('invalid content', () => {
  const baseArticle = articles.map((generated) => generated[0]?.entry[1] as ArticleInput)

  const expectRejected = (input: ArticleInput, field: string) => {
    const entries = [['bad-article', input] as const]
    const problems = findContentProblems(site, entries)
    expect(problems.map((p) => `${p.file} ${p.field}`)).toContain(`content/articles/bad-article.ts ${field}`)
    expect(() => loadContent(site, entries)).toThrow(ContentError)
  }

  it('rejects a forbidden character anywhere in a text field, naming the field', () => {
    fc.assert(
      fc.property(
        baseArticle,
        fc.constantFrom(...TEXT_FIELDS),
        fc.constantFrom(...FORBIDDEN),
        fc.nat(),
        (input, field, bad, at) => {
          const value = input[field]
          const position = at % (value.length + 1)
          expectRejected({ ...input, [field]: `${value.slice(0, position)}${bad}${value.slice(position)}` }, field)
        },
      ),
      settings,
    )
  })

  it('rejects empty and whitespace-only text', () => {
    fc.assert(
      fc.property(
        baseArticle,
        fc.constantFrom(...TEXT_FIELDS),
        fc.constantFrom('', ' ', '\t', '\u00A0', '\u3000 '),
        (input, field, blank) => {
          expectRejected({ ...input, [field]: blank }, field)
        },
      ),
      settings,
    )
  })

  it('rejects dates that do not exist', () => {
    const impossible = fc.oneof(
      fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 13, max: 99 }), fc.integer({ min: 1, max: 28 })),
      fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 32, max: 99 })),
      fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.constant(2), fc.constant(30)),
      fc.tuple(fc.integer({ min: 1900, max: 2100 }), fc.constantFrom(4, 6, 9, 11), fc.constant(31)),
    )
    fc.assert(
      fc.property(baseArticle, impossible, (input, [y, m, d]) => {
        expectRejected(
          { ...input, published: `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` },
          'published',
        )
      }),
      settings,
    )
  })

  it('rejects an id used twice, on the second article', () => {
    fc.assert(
      fc.property(baseArticle, line, (input, title) => {
        const entries = [
          ['first', input],
          ['second', { ...input, title: cleanLine(title) }],
        ] as const
        const problems = findContentProblems(site, entries)
        expect(problems).toContainEqual(expect.objectContaining({ file: 'content/articles/second.ts', field: 'id' }))
        expect(() => loadContent(site, entries)).toThrow(ContentError)
      }),
      settings,
    )
  })
})
