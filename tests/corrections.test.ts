/**
 * Corrections (issue 19): shown under the article with their dates, in JSON-LD as
 * CorrectionComment; in the feeds the item keeps its id, `published` and RSS `pubDate`, and
 * `updated` becomes the latest correction's date; a correction changes the feeds, so the publish
 * names them as changed topics for the hub; the check's refusals.
 */
import { parseAtomFeed, parseRssFeed } from 'feedsmith'
import RSSParser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import tass from '../content/articles/china-russia-security-cooperation.ts'
import { findContentProblems, findFutureDates, loadContent } from '../content/load.ts'
import type { ArticleInput, Correction } from '../content/schema.ts'
import { renderAtom } from '../src/publisher/feed/atom.ts'
import { buildCatalog } from '../src/publisher/feed/catalog.ts'
import { renderJSONFeed } from '../src/publisher/feed/json-feed.ts'
import { renderRSS } from '../src/publisher/feed/rss.ts'
import { changedTopics } from '../src/publisher/node/notify-hub.ts'
import { renderArticlePage } from '../src/publisher/pages/render.tsx'
import { validArticle } from './fixtures/article.ts'
import { fixtureSite } from './fixtures/site.ts'
import { modelOf } from './helpers/model.ts'
import { publishContent } from './helpers/publish.ts'
import { get } from './helpers/worker.ts'
import { children, only, parseXMLStrict } from './helpers/xml.ts'

const ORIGIN = 'https://news.example.com'
const SLUG = 'china-russia-security-cooperation'
const FIRST: Correction = { date: '2023-09-19T08:15:00Z', text: 'An earlier version misnamed the council.' }
const LATEST: Correction = { date: '2023-09-20', text: 'The talks are in Beijing, not Moscow.' }

const contentWith = (article: ArticleInput) => loadContent(fixtureSite, [[SLUG, article]])
const original = contentWith(tass)
const corrected = contentWith({ ...tass, corrections: [FIRST, LATEST] })

type Dates = { id: string; published: string; updated: string }

/** Each format's id and dates of the one item, read back by a parser. */
const datesIn = async (content: ReturnType<typeof contentWith>) => {
  const model = modelOf(content, ORIGIN)
  const rss = (await new RSSParser().parseString(renderRSS(model))).items[0]
  const atom = parseAtomFeed(renderAtom(model)).entries?.[0]
  const json = JSON.parse(renderJSONFeed(model)).items[0]
  return {
    rss: { id: rss?.guid, pubDate: rss?.pubDate },
    atom: { id: atom?.id, published: atom?.published, updated: atom?.updated },
    json: { id: json.id, published: json.date_published, updated: json.date_modified } as Dates,
    feedUpdated: model.updated.toISOString(),
  }
}

describe('a corrected article in the feeds', () => {
  it('keeps its id, published and RSS pubDate, and is updated at the latest correction', async () => {
    const before = await datesIn(original)
    const after = await datesIn(corrected)
    expect(after.rss).toEqual(before.rss)
    expect(before.rss.pubDate).toBe('Mon, 18 Sep 2023 00:00:00 GMT')
    expect(after.atom.id).toBe(before.atom.id)
    expect(after.atom.published).toBe('2023-09-18T00:00:00.000Z')
    expect(before.atom.updated).toBe('2023-09-18T00:00:00.000Z')
    expect(after.atom.updated).toBe('2023-09-20T00:00:00.000Z')
    expect(after.json).toEqual({ ...before.json, updated: '2023-09-20T00:00:00.000Z' })
    // The feed is dated by its newest change, so Last-Modified moves with it.
    expect(after.feedUpdated).toBe('2023-09-20T00:00:00.000Z')
  })

  it('never moves pubDate, and writes no second date element in RSS', () => {
    const item = only(only(parseXMLStrict(renderRSS(modelOf(corrected, ORIGIN))).root, 'channel'), 'item')
    expect(only(item, 'pubDate').text).toBe('Mon, 18 Sep 2023 00:00:00 GMT')
    expect(children(item, 'dc:date')).toHaveLength(0)
    expect(parseRssFeed(renderRSS(modelOf(corrected, ORIGIN))).items?.[0]?.pubDate).toBe(
      'Mon, 18 Sep 2023 00:00:00 GMT',
    )
  })

  it('publishes the correction text in NFC, as every other text', () => {
    const decomposed = contentWith({ ...tass, corrections: [{ date: '2023-09-19', text: 'E\u0301gypte, not Egypt.' }] })
    expect(modelOf(decomposed, ORIGIN).items[0]?.corrections[0]?.text).toBe('\u00C9gypte, not Egypt.')
  })

  it('keeps a later `updated` when the correction is older than it', () => {
    const edited = contentWith({ ...tass, updated: '2023-09-25', corrections: [FIRST] })
    expect(modelOf(edited, ORIGIN).items[0]?.updated.toISOString()).toBe('2023-09-25T00:00:00.000Z')
  })

  it('shows the corrections at the end of the item’s content, dated', () => {
    const html = modelOf(corrected, ORIGIN).items[0]?.contentHTML ?? ''
    expect(html).toMatch(
      /<p><em>Correction, 2023-09-19:<\/em> An earlier version misnamed the council.<\/p>\n<p><em>Correction, 2023-09-20:<\/em> The talks are in Beijing, not Moscow.<\/p>$/,
    )
  })
})

describe("a corrected article's page", () => {
  const catalog = buildCatalog(corrected)
  const entry = catalog.entries[0]
  if (!entry) throw new Error('no entry')
  const page = renderArticlePage({ catalog, origin: ORIGIN, siteModel: modelOf(corrected, ORIGIN) }, entry)

  it('lists the corrections under the article, each with a <time datetime>', async () => {
    const html = await page
    const section = /<section class="corrections"[^>]*>(.*?)<\/section>/s.exec(html)?.[1] ?? ''
    expect(
      [...section.matchAll(/<li><time datetime="([^"]+)">([^<]+)<\/time>:\s*<span>([^<]+)<\/span><\/li>/g)].map((m) =>
        m.slice(1),
      ),
    ).toEqual([
      ['2023-09-19T08:15:00Z', '19 September 2023', FIRST.text],
      ['2023-09-20', '20 September 2023', LATEST.text],
    ])
    // After the body, inside the article.
    expect(html.indexOf('class="corrections"')).toBeGreaterThan(html.indexOf('class="body"'))
    expect(html.indexOf('class="corrections"')).toBeLessThan(html.indexOf('</article>'))
  })

  it('gives JSON-LD a CorrectionComment for each, and dateModified the latest', async () => {
    const json = /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(await page)?.[1] ?? '{}'
    const data = JSON.parse(json)
    expect(data.correction).toEqual([
      { '@type': 'CorrectionComment', datePublished: '2023-09-19T08:15:00.000Z', text: FIRST.text },
      { '@type': 'CorrectionComment', datePublished: '2023-09-20T00:00:00.000Z', text: LATEST.text },
    ])
    expect(data.datePublished).toBe('2023-09-18T00:00:00.000Z')
    expect(data.dateModified).toBe('2023-09-20T00:00:00.000Z')
  })

  it('has no corrections section or JSON-LD correction when there is none', async () => {
    const plain = buildCatalog(original)
    const html = await renderArticlePage(
      { catalog: plain, origin: ORIGIN, siteModel: modelOf(original, ORIGIN) },
      plain.entries[0] as (typeof plain.entries)[number],
    )
    expect(html).not.toContain('corrections')
    expect(html).not.toContain('CorrectionComment')
  })
})

describe('publishing a correction', () => {
  it('rewrites the subscription feeds, so the hub is told they changed, and serves the new date', async () => {
    // tests/setup.ts published the seed article as it is.
    const summary = await publishContent(corrected)
    const topics = changedTopics(summary.changedPaths)
    expect(topics).toEqual(expect.arrayContaining(['/feed.xml', '/atom.xml', '/feed.json']))
    expect(summary.changedPaths).toContain(`/articles/${SLUG}`)
    const response = await get('/feed.json')
    expect(response.headers.get('last-modified')).toBe('Wed, 20 Sep 2023 00:00:00 GMT')
    const feed = (await response.json()) as { items: { date_published: string; date_modified: string }[] }
    expect(feed.items[0]).toMatchObject({
      date_published: '2023-09-18T00:00:00.000Z',
      date_modified: '2023-09-20T00:00:00.000Z',
    })
    // The same correction again changes nothing.
    expect(changedTopics((await publishContent(corrected)).changedPaths)).toEqual([])
  })
})

describe('the check', () => {
  const problemsOf = (corrections: unknown) =>
    findContentProblems(fixtureSite, [['a', { ...validArticle, corrections } as ArticleInput]]).map(
      ({ file, field, message, fix }) => ({ file, field, message, fix }),
    )

  it('accepts corrections on or after published', () => {
    expect(
      problemsOf([
        { date: '2024-01-02', text: 'Same day.' },
        { date: '2024-02-01T10:00:00+01:00', text: 'Later.' },
      ]),
    ).toEqual([])
  })

  it('refuses a correction dated before published, with the file, the field and the fix', () => {
    expect(problemsOf([{ date: '2024-01-01', text: 'Too early.' }])).toEqual([
      {
        file: 'content/articles/a.ts',
        field: 'corrections[0].date',
        message: '2024-01-01 is before published (2024-01-02).',
        fix: 'a correction comes after publication: check the date and its UTC offset.',
      },
    ])
  })

  it('refuses empty or whitespace text, and a date that is not one', () => {
    expect(problemsOf([{ date: '2024-01-03', text: '  ' }]).map((p) => [p.field, p.message])).toEqual([
      ['corrections[0].text', 'is empty or only whitespace.'],
    ])
    expect(problemsOf([{ date: '2024-02-30', text: 'x' }]).map((p) => [p.field, p.message])).toEqual([
      ['corrections[0].date', '"2024-02-30" is not a real date.'],
    ])
    expect(problemsOf({ date: '2024-01-03', text: 'x' }).map((p) => p.field)).toEqual(['corrections'])
  })

  it('refuses a correction in the future (npm run check has the clock)', () => {
    const content = loadContent(fixtureSite, [
      ['a', { ...validArticle, corrections: [{ date: '2030-01-01', text: 'x' }] }],
    ])
    expect(findFutureDates(content, new Date('2026-12-03T00:00:00Z'))).toEqual([
      expect.objectContaining({ file: 'content/articles/a.ts', field: 'corrections[0].date' }),
    ])
    expect(findFutureDates(content, new Date('2030-01-02T00:00:00Z'))).toEqual([])
  })
})
