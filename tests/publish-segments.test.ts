/**
 * Re-rendering every document (new rendering code) holds the bodies of a segment of documents at
 * a time, not the archive's (src/publisher/publish/publish.ts `segmentSize`): the publisher asks
 * for each segment's bodies (loadBodies) and gives them back once written (releaseBodies), unless
 * the next segment shows them too. Here the articles come without their bodies, as the publish
 * cache gives them, and the bodies are lent from a map; the bytes must be those rendered with
 * every body in memory.
 */
import { describe, expect, it } from 'vitest'
import { type ArticleEntry, loadContent } from '../content/load.ts'
import type { Block } from '../content/schema.ts'
import { generatedEntries } from './fixtures/generated.ts'
import { fixtureSite } from './fixtures/site.ts'
import { publishContent } from './helpers/publish.ts'

const SIZES = { feedSize: 10, archivePageSize: 10 }
const contentOf = (entries: readonly ArticleEntry[]) => loadContent({ ...fixtureSite, ...SIZES }, [...entries])

describe('bodies held a segment at a time', () => {
  it('renders every document to the same bytes while lending at most two segments of bodies', async () => {
    const entries = generatedEntries(60)
    const first = await publishContent(contentOf(entries), 'v1')
    expect(first.documents.written).toBeGreaterThan(60)

    // The same articles, bodies taken out: the publish must ask for every body it renders.
    const content = contentOf(entries)
    const bodies = new Map(content.articles.map((article) => [article.slug, article.body]))
    const setBody = (slug: string, body: readonly Block[]) => {
      const article = content.articles.find((a) => a.slug === slug)
      ;(article as { body: readonly Block[] }).body = body
    }
    for (const article of content.articles) setBody(article.slug, [])
    const lent = new Set<string>()
    let mostLent = 0
    let loads = 0
    const segmentSize = 20
    // New code: every document is rendered again, to the same bytes.
    const again = await publishContent(content, 'v2', {
      segmentSize,
      loadBodies: async (slugs) => {
        loads++
        for (const slug of slugs) {
          setBody(slug, bodies.get(slug) ?? [])
          lent.add(slug)
        }
        mostLent = Math.max(mostLent, lent.size)
      },
      releaseBodies: (slugs) => {
        for (const slug of slugs) {
          setBody(slug, [])
          lent.delete(slug)
        }
      },
    })
    // A body given back too early would have rendered a page without its text: other bytes.
    expect(again.documents.written).toBe(0)
    expect(again.documents.unchanged).toBe(first.documents.written)
    expect(loads).toBeGreaterThan(2)
    expect(mostLent).toBeLessThanOrEqual(2 * segmentSize)
    expect(lent.size).toBe(0)
  })
})
