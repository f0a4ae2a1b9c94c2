/**
 * Pictures in Debian's Chromium: an article with a lead picture and two figures, published by
 * `npm run publish` from generated JPEGs into its own storage and served by its own `wrangler
 * dev`. Chromium picks the AVIF source, every variant of every srcset decodes, and nothing
 * shifts while the pictures load (cumulative layout shift 0, Layout Instability API), at phone
 * and desktop widths.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { article, articleFile } from '../fixtures/article.ts'
import { photo } from '../helpers/pictures.ts'
import { launch, screenshot, VIEWPORTS, watch } from './chromium.ts'

const ROOT = join(import.meta.dirname, '../..')
const PORT = 8793
const origin = `http://127.0.0.1:${PORT}`
const work = mkdtempSync(join(tmpdir(), 'browser-pictures-'))
let wrangler: ChildProcess | undefined
let browser: Browser

const paragraphs = Array.from({ length: 6 }, (_, i) => [`Paragraph ${i + 1}. ${'Words of the story. '.repeat(30)}`])

beforeAll(async () => {
  const media = join(work, 'media')
  mkdirSync(join(work, 'articles'), { recursive: true })
  mkdirSync(media, { recursive: true })
  writeFileSync(join(media, 'lead.jpg'), await photo(2000, 1250, 'jpeg', 21))
  writeFileSync(join(media, 'tall.jpg'), await photo(800, 1200, 'jpeg', 22))
  writeFileSync(join(media, 'wide.png'), await photo(1000, 400, 'png', 23))
  const figure = (src: string) => ({ figure: { src, alt: `Figure ${src}`, credit: 'Photo: Test' } })
  writeFileSync(
    join(work, 'articles', 'harbour.ts'),
    articleFile(
      article({
        id: 'b-1',
        title: 'Harbour reopens',
        published: '2026-11-02T10:00:00Z',
        image: { src: 'lead.jpg', alt: 'Ships at dawn', caption: 'The harbour', credit: 'Photo: Test' },
        body: [
          ...paragraphs.slice(0, 2),
          figure('tall.jpg'),
          ...paragraphs.slice(2, 4),
          figure('wide.png'),
          ...paragraphs.slice(4),
        ],
      }),
      join(ROOT, 'content/schema.ts'),
    ),
  )
  const state = join(work, 'state')
  const args = ['--persist-to', state, '--var', `PUBLIC_ORIGIN:${origin}`]
  execFileSync(
    join(ROOT, 'node_modules/.bin/node'),
    ['scripts/publish.ts', '--articles', join(work, 'articles'), '--media', media, '--no-notify', ...args],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
  )
  wrangler = spawn(
    join(ROOT, 'node_modules/.bin/wrangler'),
    ['dev', '--ip', '127.0.0.1', '--port', String(PORT), ...args, '--show-interactive-dev-session=false'],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], detached: true },
  )
  const deadline = Date.now() + 90_000
  for (;;) {
    try {
      if ((await fetch(`${origin}/`)).ok) break
    } catch {}
    if (Date.now() > deadline) throw new Error('wrangler dev did not start')
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  browser = await launch()
}, 180_000)

afterAll(async () => {
  await browser?.close()
  if (wrangler?.pid) process.kill(-wrangler.pid, 'SIGTERM')
  rmSync(work, { recursive: true, force: true })
})

describe.each(Object.keys(VIEWPORTS) as (keyof typeof VIEWPORTS)[])('at %s width', (viewport) => {
  it('loads the AVIF variants with no layout shift, and every variant decodes', async () => {
    const context = await browser.newContext({ viewport: VIEWPORTS[viewport] })
    const page = await context.newPage()
    const problems = watch(page)
    // Layout Instability API: every shift from the first paint on, summed (shifts after input excluded, as CLS does).
    await page.addInitScript(() => {
      const shifts: number[] = []
      ;(window as unknown as { shifts: number[] }).shifts = shifts
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
          if (!entry.hadRecentInput) shifts.push(entry.value)
      }).observe({ type: 'layout-shift', buffered: true })
    })
    // Every picture arrives 400 ms late, as on a slow network: the page is laid out and painted
    // before any picture's bytes are known, so a picture without its width and height would push
    // the text down when it arrives, at every width — not only where it lands on the first screen.
    await page.route('**/media/**', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400))
      await route.continue()
    })
    await page.goto(`${origin}/articles/harbour`, { waitUntil: 'networkidle' })
    // Down the page in steps, so the lazy figures load as a reader's scrolling would load them.
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    for (let y = 0; y <= height; y += VIEWPORTS[viewport].height / 2) {
      await page.evaluate((top) => window.scrollTo(0, top), y)
      await page.waitForTimeout(100)
    }
    await page.waitForLoadState('networkidle')
    const images = await page.evaluate(() =>
      [...document.querySelectorAll('article img')].map((img) => {
        const image = img as HTMLImageElement
        return { complete: image.complete, natural: image.naturalWidth, current: image.currentSrc }
      }),
    )
    expect(images).toHaveLength(3)
    for (const image of images) {
      expect(image.complete && image.natural > 0, image.current).toBe(true)
      // Chromium decodes AVIF: the first <source> wins.
      expect(image.current).toMatch(/\/media\/[0-9a-f]{16}\/\d+\.avif$/)
    }
    const shift = await page.evaluate(() =>
      (window as unknown as { shifts: number[] }).shifts.reduce((a, b) => a + b, 0),
    )
    expect(shift).toBe(0)
    // Every variant named by any srcset decodes in Chromium.
    const decoded = await page.evaluate(async () => {
      const urls = new Set(
        [...document.querySelectorAll('article source, article img')].flatMap((element) =>
          (element.getAttribute('srcset') ?? '').split(', ').map((candidate) => candidate.split(' ')[0] as string),
        ),
      )
      return Promise.all(
        [...urls].map(async (url) => {
          const image = new Image()
          image.src = url
          try {
            await image.decode()
            return { url, ok: image.naturalWidth > 0, width: image.naturalWidth }
          } catch {
            return { url, ok: false, width: 0 }
          }
        }),
      )
    })
    // lead 2000 px: 5 widths; tall 800 px: 320, 640, 800; wide 1000 px: 320, 640, 960, 1000 — each in 3 formats.
    expect(decoded).toHaveLength((5 + 3 + 4) * 3)
    for (const { url, ok, width } of decoded) {
      expect(ok, url).toBe(true)
      expect(width, url).toBe(Number(/\/(\d+)\.\w+$/.exec(url)?.[1]))
    }
    await screenshot(page, `pictures-${viewport}`)
    expect(problems).toEqual({ console: [], failed: [] })
    await context.close()
  })
})
