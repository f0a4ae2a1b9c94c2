/**
 * Right-to-left text in Chromium: our Arabic and Hebrew article pages and list items, rendered
 * by the page components from fixture content (no server), lay out right to left where the
 * article's text is, and left to right in the labels around it.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadContent } from '../../content/load.ts'
import type { ArticleInput } from '../../content/schema.ts'
import site from '../../content/site.ts'
import { buildFeedModel, toFeedItem } from '../../src/publisher/feed/build.ts'
import { buildCatalog } from '../../src/publisher/feed/catalog.ts'
import type { FeedModel } from '../../src/publisher/feed/model.ts'
import { ArticlePage } from '../../src/publisher/pages/article.tsx'
import { ListPage } from '../../src/publisher/pages/list-page.tsx'
import { launch } from './chromium.ts'

const ORIGIN = 'https://news.example.com'
const article = (id: string, language: string, title: string, published: string): ArticleInput => ({
  id,
  title,
  standfirst: `${title} (2026).`,
  dateline: 'Cairo',
  source: 'Wire',
  published,
  language,
  tags: ['Middle East'],
  // The first paragraph opens with the dateline (CAIRO, …), in Latin letters: probe the second.
  body: [['First paragraph.'], [`${title}: IMF, 3% (2026).`]],
})
const catalog = buildCatalog(
  loadContent(site, [
    ['arabic', article('ar-1', 'ar', 'صندوق النقد الدولي يتوقع نمو الاقتصاد', '2026-11-25')],
    ['hebrew', article('he-1', 'he', 'ישראל ומצרים חותמות על הסכם גז', '2026-11-24')],
  ]),
)
const pageSite = { title: 'News', homeURL: `${ORIGIN}/`, language: 'en' }
const feeds = { rss: '', atom: '', json: '', html: '' }

let browser: Browser
let page: Page
beforeAll(async () => {
  browser = await launch()
  page = await browser.newPage({ viewport: { width: 390, height: 844 } })
})
afterAll(async () => {
  await browser?.close()
})

/** Computed direction of each element, and whether its first character sits at its right edge. */
const layout = (selectors: readonly string[]) =>
  page.evaluate(
    (list) =>
      list.map((selector) => {
        const element = document.querySelector(selector) as HTMLElement
        const text = document.createTreeWalker(element, NodeFilter.SHOW_TEXT).nextNode() as Text
        const range = document.createRange()
        range.setStart(text, 0)
        range.setEnd(text, 1)
        const box = element.getBoundingClientRect()
        const first = range.getBoundingClientRect()
        return { selector, direction: getComputedStyle(element).direction, startsRight: box.right - first.right < 2 }
      }),
    selectors,
  )

describe('in Chromium', () => {
  it.each(['arabic', 'hebrew'])(
    'lays out the %s article page right to left, its labels left to right',
    async (slug) => {
      const entry = catalog.bySlug.get(slug)
      if (!entry) throw new Error(slug)
      const html = await (
        <ArticlePage site={pageSite} publisher="P" item={toFeedItem(entry, ORIGIN)} feeds={feeds} tagURL={() => '#'} />
      ).toString()
      await page.setContent(`<!DOCTYPE html>${html}`)
      expect(await layout(['h1', 'p.standfirst', 'div.body p:last-child', 'p.meta'])).toEqual([
        { selector: 'h1', direction: 'rtl', startsRight: true },
        { selector: 'p.standfirst', direction: 'rtl', startsRight: true },
        { selector: 'div.body p:last-child', direction: 'rtl', startsRight: true },
        { selector: 'p.meta', direction: 'ltr', startsRight: false },
      ])
    },
  )

  it('lays out each right-to-left item of a list right to left', async () => {
    const model = buildFeedModel(catalog, { origin: ORIGIN }) as FeedModel
    const html = await (<ListPage site={pageSite} model={model} heading="News" intro="Newest first." />).toString()
    await page.setContent(`<!DOCTYPE html>${html}`)
    expect(await layout(['li:nth-child(1) h2', 'li:nth-child(1) p:last-child', 'li:nth-child(2) h2', 'h1'])).toEqual([
      { selector: 'li:nth-child(1) h2', direction: 'rtl', startsRight: true },
      { selector: 'li:nth-child(1) p:last-child', direction: 'rtl', startsRight: true },
      { selector: 'li:nth-child(2) h2', direction: 'rtl', startsRight: true },
      { selector: 'h1', direction: 'ltr', startsRight: false },
    ])
  })
})
