/**
 * The pages and the feeds in a real browser (Debian's Chromium) served by `wrangler dev`: they
 * render the article with no console errors, the feed view shows its items without any XSLT,
 * autodiscovery links resolve, copying works with JavaScript and the addresses show without it.
 * Screenshots at phone and desktop widths go to screenshots/ (git-ignored).
 */
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import article from '../../content/articles/china-russia-security-cooperation.ts'
import { launch, screenshot, VIEWPORTS, watch } from './chromium.ts'

const origin = inject('origin')
const ARTICLE = '/articles/china-russia-security-cooperation'
const TITLE = 'China, Russia to strengthen security cooperation amid current challenges – Chinese expert'
let browser: Browser

beforeAll(async () => {
  browser = await launch()
})
afterAll(async () => {
  await browser?.close()
})

const open = async (path: string, viewport: keyof typeof VIEWPORTS, options: { javaScriptEnabled?: boolean } = {}) => {
  const context: BrowserContext = await browser.newContext({ viewport: VIEWPORTS[viewport], ...options })
  const page = await context.newPage()
  const problems = watch(page)
  const response = await page.goto(`${origin}${path}`, { waitUntil: 'networkidle' })
  return { context, page, problems, response }
}

describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])('at %s width', (viewport) => {
  it('the article page shows the whole article, dated and credited, with no console errors', async () => {
    const { context, page, problems } = await open(ARTICLE, viewport)
    expect(await page.locator('h1').allTextContents()).toEqual([TITLE])
    expect(await page.locator('article .body p').count()).toBe(10)
    expect(await page.locator('article .body p').first().textContent()).toMatch(
      /^BEIJING, September 18\. \/TASS\/\. China and Russia/,
    )
    expect(await page.locator('article time').first().getAttribute('datetime')).toBe('2023-09-18')
    expect(await page.locator('article .meta').textContent()).toContain('Source: TASS')
    // Every quotation of the text is marked up as one.
    const quotes = article.body.flat().filter((inline) => typeof inline !== 'string').length
    expect(quotes).toBe(12)
    expect(await page.locator('article q').count()).toBe(quotes)
    // No horizontal scrolling on a phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await screenshot(page, `article-${viewport}`)
    expect(problems).toEqual({ console: [], failed: [] })
    await context.close()
  })

  it('the home page lists the article and offers the feeds', async () => {
    const { context, page, problems } = await open('/', viewport)
    await expect(page.locator('ol.articles h2 a').allTextContents()).resolves.toEqual([TITLE])
    expect(await page.locator('.subscribe .feed-url').allTextContents()).toEqual([
      `${origin}/feed.xml`,
      `${origin}/atom.xml`,
      `${origin}/feed.json`,
    ])
    await screenshot(page, `home-${viewport}`)
    expect(problems).toEqual({ console: [], failed: [] })
    await context.close()
  })

  it.each(['/feed.xml', '/atom.xml'])('%s shows the feed note, its title and its items, and no XSLT', async (path) => {
    const { context, page, problems, response } = await open(path, viewport)
    expect(response?.headers()['content-type']).toBe('application/xml; charset=utf-8')
    const view = await page.evaluate(() => {
      const root = document.documentElement
      const container = root.localName === 'rss' ? root.querySelector('channel') : root
      const visible = (element: Element | null | undefined) => !!element && getComputedStyle(element).display !== 'none'
      const itemTitles = [...root.querySelectorAll(':is(item, entry) > title')]
      return {
        note: container
          ? getComputedStyle(
              container.localName === 'feed' ? (root.querySelector('feed > title') as Element) : container,
              '::before',
            ).content
          : '',
        title: visible(container?.querySelector(':scope > title'))
          ? container?.querySelector(':scope > title')?.textContent
          : undefined,
        items: itemTitles.filter(visible).map((title) => title.textContent),
        stylesheets: [...document.childNodes]
          .filter((node) => node.nodeType === Node.PROCESSING_INSTRUCTION_NODE)
          .map((node) => (node as ProcessingInstruction).data),
      }
    })
    expect(view.note).toContain('This is a news feed.')
    expect(view.title).toBe('Newswire')
    expect(view.items).toEqual([TITLE])
    expect(view.stylesheets).toEqual([`type="text/css" href="${origin}/feed.css"`])
    await screenshot(page, `feed${path.replace(/\W/g, '-')}-${viewport}`, { fullPage: false })
    expect(problems.console.filter((line) => /xslt/i.test(line))).toEqual([])
    expect(problems).toEqual({ console: [], failed: [] })
    await context.close()
  })
})

describe('autodiscovery and subscribing', () => {
  it.each(['/', ARTICLE, '/tags/sco'])(
    'every feed %s announces resolves to a feed of the announced type',
    async (path) => {
      const { context, page } = await open(path, 'desktop')
      const links = await page
        .locator('link[rel="alternate"]')
        .evaluateAll((elements) =>
          elements.map((element) => ({ type: element.getAttribute('type'), href: (element as HTMLLinkElement).href })),
        )
      expect(links.map((link) => link.type)).toEqual([
        'application/rss+xml',
        'application/atom+xml',
        'application/feed+json',
      ])
      for (const { type, href } of links) {
        const response = await page.request.get(href, { headers: { Accept: `${type}, */*;q=0.1` } })
        expect(response.status(), href).toBe(200)
        expect(response.headers()['content-type'], href).toBe(`${type}; charset=utf-8`)
      }
      await context.close()
    },
  )

  it('copies a feed address with one tap', async () => {
    const { context, page } = await open('/', 'phone')
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
    const button = page.locator('.subscribe button[data-copy]').first()
    await expect(button.isVisible()).resolves.toBe(true)
    await button.click()
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`${origin}/feed.xml`)
    expect(await button.textContent()).toBe('Copied')
    await context.close()
  })

  it('shows the addresses without JavaScript, and no dead buttons', async () => {
    const { context, page } = await open('/', 'phone', { javaScriptEnabled: false })
    expect(await page.locator('.subscribe .feed-url').first().isVisible()).toBe(true)
    expect(await page.locator('.subscribe button').first().isVisible()).toBe(false)
    await context.close()
  })
})
