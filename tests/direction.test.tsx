/**
 * Right-to-left text: an Arabic or Hebrew article's title, standfirst and body, and its entry
 * in the home and tag lists, carry `dir="rtl"`; a language whose script is unknown gets
 * `dir="auto"`; text in the page's own language inherits the page's direction.
 */
import { describe, expect, it } from 'vitest'
import { type ArticleEntry, loadContent } from '../content/load.ts'
import type { ArticleInput } from '../content/schema.ts'
import site from '../content/site.ts'
import { buildFeedModel, toFeedItem } from '../src/publisher/feed/build.ts'
import { buildCatalog } from '../src/publisher/feed/catalog.ts'
import type { FeedModel } from '../src/publisher/feed/model.ts'
import { ArticlePage } from '../src/publisher/pages/article.tsx'
import { directionOf } from '../src/publisher/pages/direction.ts'
import { ListPage } from '../src/publisher/pages/list-page.tsx'
import { article as anArticle } from './fixtures/article.ts'

const ORIGIN = 'https://news.example.com'

const article = (id: string, language: string, title: string, published: string): ArticleInput =>
  anArticle({
    id,
    title,
    standfirst: `${title}: standfirst`,
    dateline: 'Cairo',
    source: 'Wire',
    published,
    language,
    tags: ['Middle East'],
    body: [[`${title}, (text) 2026.`]],
  })

const entries: ArticleEntry[] = [
  ['arabic', article('ar-1', 'ar', 'صندوق النقد الدولي يتوقع نمو 3٪', '2026-11-25')],
  ['hebrew', article('he-1', 'he', 'ישראל ומצרים חותמות על הסכם גז', '2026-11-24')],
  ['unknown', article('xx-1', 'xx', 'Text in a language without a known script', '2026-11-23')],
  ['english', article('en-1', 'en', 'An English article', '2026-11-22')],
]

const render = (pageLanguage: string) => {
  const catalog = buildCatalog(loadContent({ ...site, language: pageLanguage }, entries))
  const pageSite = { title: 'News', homeURL: `${ORIGIN}/`, language: pageLanguage }
  const articlePage = (slug: string) =>
    (
      <ArticlePage
        site={pageSite}
        publisher="P"
        item={toFeedItem(catalog.bySlug.get(slug) ?? (undefined as never), ORIGIN)}
        feeds={{ rss: '', atom: '', json: '', html: '' }}
        tagURL={(tag) => `${ORIGIN}/tags/${tag}`}
      />
    ).toString()
  const list = (tag?: string) =>
    (
      <ListPage
        site={pageSite}
        model={buildFeedModel(catalog, { origin: ORIGIN, tag }) as FeedModel}
        heading="News"
        intro="Newest first."
      />
    ).toString()
  return { articlePage, list }
}

/** The start tag of the element that starts with `start` and holds exactly `text` (or a link to it). */
const attributesOf = (html: string, start: string, text: string): string => {
  const at = html.indexOf(`>${text}<`)
  const open = html.lastIndexOf(start, at)
  return html.slice(open, html.indexOf('>', open) + 1)
}

describe('direction of text on an English site', () => {
  const { articlePage, list } = render('en')

  it.each([
    ['arabic', 'rtl'],
    ['hebrew', 'rtl'],
    ['unknown', 'auto'],
  ])('marks the title, standfirst and body of the %s article dir="%s"', async (slug, dir) => {
    const html = await articlePage(slug)
    const title = entries.find(([s]) => s === slug)?.[1].title as string
    expect(attributesOf(html, '<h1', title)).toBe(`<h1 dir="${dir}">`)
    expect(attributesOf(html, '<p class="standfirst"', `${title}: standfirst`)).toBe(
      `<p class="standfirst" dir="${dir}">`,
    )
    expect(html).toContain(`<div class="body" dir="${dir}">`)
    expect(html).toMatch(/^<html lang="en">/)
  })

  it('leaves an English article to inherit the page direction', async () => {
    const html = await articlePage('english')
    expect(html).toContain('<h1>An English article</h1>')
    expect(html).toContain('<div class="body">')
  })

  it.each([
    ['home', undefined],
    ['tag', 'middle-east'],
  ] as const)('marks each list item on the %s page with its language and direction', async (_, tag) => {
    const html = await list(tag)
    const arabic = entries[0]?.[1] as ArticleInput
    const hebrew = entries[1]?.[1] as ArticleInput
    expect(attributesOf(html, '<h2', arabic.title)).toBe('<h2 lang="ar" dir="rtl">')
    expect(attributesOf(html, '<p', arabic.standfirst)).toBe('<p lang="ar" dir="rtl">')
    expect(attributesOf(html, '<h2', hebrew.title)).toBe('<h2 lang="he" dir="rtl">')
    expect(attributesOf(html, '<p', hebrew.standfirst)).toBe('<p lang="he" dir="rtl">')
    expect(attributesOf(html, '<h2', 'Text in a language without a known script')).toBe('<h2 lang="xx" dir="auto">')
    expect(attributesOf(html, '<h2', 'An English article')).toBe('<h2>')
  })
})

describe('direction of text on an Arabic site', () => {
  const { articlePage, list } = render('ar')

  it('makes the whole page right to left, and an English article left to right', async () => {
    const html = await articlePage('english')
    expect(html).toMatch(/^<html lang="ar" dir="rtl">/)
    expect(attributesOf(html, '<h1', 'An English article')).toBe('<h1 dir="ltr">')
    expect(attributesOf(await list(), '<h2', 'An English article')).toBe('<h2 lang="en" dir="ltr">')
  })
})

describe('directionOf', () => {
  it.each([
    ['ar', 'rtl'],
    ['ar-EG', 'rtl'],
    ['he', 'rtl'],
    ['fa', 'rtl'],
    ['ur', 'rtl'],
    ['yi', 'rtl'],
    ['ps', 'rtl'],
    ['sd', 'rtl'],
    ['ug', 'rtl'],
    ['dv', 'rtl'],
    ['ckb', 'rtl'],
    ['syr', 'rtl'],
    ['ku-Arab', 'rtl'],
    ['pa-Arab', 'rtl'],
    ['az-Arab', 'rtl'],
    ['en', 'ltr'],
    ['ru', 'ltr'],
    ['zh-Hant', 'ltr'],
    ['ja', 'ltr'],
    ['sr-Latn', 'ltr'],
    ['ku', 'ltr'],
    ['und', 'auto'],
    ['xx', 'auto'],
    ['qaa', 'auto'],
    ['not a tag', 'auto'],
  ])('%s → %s', (language, direction) => expect(directionOf(language)).toBe(direction))
})
