/**
 * A publish writes in PHASES order (src/publisher/publish/publish.ts), so a reader never meets a
 * link to a document not yet stored: article pages first, then archive pages newest first (a page
 * that fills links to the newer one), then the subscription documents, home pages and sitemaps.
 * Each R2 put is recorded with when it started and when it finished. Rendering and compressing
 * need no order, and run ahead of the writes.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { type ArticleEntry, loadContent } from '../content/load.ts'
import { gzipWithStream } from '../src/archive/encodings.ts'
import { publish } from '../src/publisher/publish/index.ts'
import { generatedArticle, generatedEntries } from './fixtures/generated.ts'
import { fixtureSite } from './fixtures/site.ts'
import { withPut } from './helpers/bucket.ts'
import { publishContent } from './helpers/publish.ts'
import { ORIGIN } from './helpers/worker.ts'

const SIZES = { feedSize: 10, archivePageSize: 10 }
const contentOf = (entries: readonly ArticleEntry[]) => loadContent({ ...fixtureSite, ...SIZES }, [...entries])

type Put = { readonly key: string; readonly started: number; finished: number }

/** The bucket, recording each put of a document's own bytes (not its coded variants, `<key>\u0000<coding>`). */
const recording = (bucket: R2Bucket, puts: Put[]): R2Bucket => {
  let clock = 0
  return withPut(bucket, async (put, key, ...rest) => {
    const recorded: Put = { key, started: clock++, finished: Number.POSITIVE_INFINITY }
    if (!key.includes('\u0000')) puts.push(recorded)
    const result = await put(key, ...rest)
    recorded.finished = clock++
    return result
  })
}

/** Every put matching `first` finished before any put matching `then` started. */
const expectBefore = (puts: readonly Put[], first: RegExp, then: RegExp) => {
  const earlier = puts.filter((put) => first.test(put.key))
  const later = puts.filter((put) => then.test(put.key))
  expect(earlier.length, String(first)).toBeGreaterThan(0)
  expect(later.length, String(then)).toBeGreaterThan(0)
  const lastFinished = Math.max(...earlier.map((put) => put.finished))
  const firstStarted = Math.min(...later.map((put) => put.started))
  expect(lastFinished, `${first} before ${then}`).toBeLessThan(firstStarted)
}

describe('the order of writes', () => {
  it('stores the new article’s page, then archive pages newest first, then the lists that link to them', async () => {
    // 30 articles: the feed holds 21–30, archive pages 1 and 2 hold 1–10 and 11–20. A back-dated
    // article goes first: every entry moves up a place, so pages 1 and 2 change and page 3 is new.
    await publishContent(contentOf(generatedEntries(30)))
    const backdated: ArticleEntry = [
      'backdated',
      { ...generatedArticle(100), id: 'backdated', published: '2023-12-31T00:00:00Z' },
    ]
    const puts: Put[] = []
    await publish(
      contentOf([...generatedEntries(30), backdated]),
      { db: env.DB, bucket: recording(env.ARCHIVE, puts) },
      { origin: ORIGIN, codeVersion: 'test' },
    )
    const ARTICLE = /^\/articles\//
    const page = (n: number) => new RegExp(`^/archive/${n}(/|$)`)
    const LISTS = /^\/(feed\.xml|atom\.xml|feed\.json|sitemap\.xml)?$/
    expectBefore(puts, ARTICLE, page(3))
    expectBefore(puts, page(3), page(2))
    expectBefore(puts, page(2), page(1))
    expectBefore(puts, page(1), LISTS)
  })

  it('renders and compresses the documents that come next while a group is being written', async () => {
    await publishContent(contentOf(generatedEntries(30)))
    // The first group is the new article's page alone; everything after it shows the article.
    let compressions = 0
    let beforeFirstStored: number | undefined
    const bucket = withPut(env.ARCHIVE, async (put, key, ...rest) => {
      const result = await put(key, ...rest)
      beforeFirstStored ??= compressions
      return result
    })
    await publish(
      contentOf(generatedEntries(31)),
      { db: env.DB, bucket },
      {
        origin: ORIGIN,
        codeVersion: 'test',
        compressors: {
          gzip: (bytes) => {
            compressions++
            return gzipWithStream(bytes)
          },
        },
      },
    )
    // Written one group at a time and rendered with it, only the article page's one variant
    // would be compressed before its first object is stored.
    expect(compressions).toBeGreaterThan(10)
    expect(beforeFirstStored).toBeGreaterThan(5)
  })
})
