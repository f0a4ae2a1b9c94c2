/**
 * What a sitemap articles part is fingerprinted by (src/publisher/publish/plan.ts
 * `sitemapDocuments`): its entries' digests (entry-digest.ts), not its URLs as text. The source
 * must change whenever the part's bytes would — an article's date through its content hash, the
 * order of entries, and a language version's language, which the original's URL names in its
 * hreflang alternates — and the part rendered from it must be the sitemap part as it always was.
 */
import { describe, expect, it } from 'vitest'
import type { ArticleEntry, Content } from '../content/load.ts'
import type { ArticleInput } from '../content/schema.ts'
import { buildCatalog, type Catalog } from '../src/publisher/feed/catalog.ts'
import { renderSitemapPart, sitemapParts } from '../src/publisher/feed/sitemap.ts'
import { articleHash } from '../src/publisher/publish/article-hash.ts'
import { entryDigests } from '../src/publisher/publish/entry-digest.ts'
import { type PlannedDocument, sitemapDocuments } from '../src/publisher/publish/plan.ts'
import { bilingualContent, bilingualEntries } from './fixtures/bilingual.ts'

const ORIGIN = 'https://news.example.com'
const PART = '/sitemaps/articles-1.xml'

const hashesOf = async (content: Content): Promise<Map<string, string>> =>
  new Map(await Promise.all(content.articles.map(async (a) => [a.slug, await articleHash(a)] as const)))

const articlesPart = (catalog: Catalog, hashes: ReadonlyMap<string, string>): PlannedDocument => {
  const part = [...sitemapDocuments(catalog, ORIGIN, entryDigests(catalog, hashes))].find((d) => d.path === PART)
  if (!part) throw new Error(`no ${PART}`)
  return part
}

const withArticle = (slug: string, change: Partial<ArticleInput>): ArticleEntry[] =>
  bilingualEntries.map(([s, article, file]) => (s === slug ? [s, { ...article, ...change }, file] : [s, article, file]))

describe('a sitemap articles part', () => {
  it('renders the URLs it always did, made only when it is rendered', async () => {
    const content = bilingualContent()
    const catalog = buildCatalog(content)
    const planned = articlesPart(catalog, await hashesOf(content))
    const expected = sitemapParts(catalog, ORIGIN).find((part) => part.path === PART)
    expect(expected).toBeDefined()
    expect((await planned.render()).body).toBe(renderSitemapPart(expected as never))
    expect(planned.source).not.toContain(ORIGIN)
  })

  it('is fingerprinted by what its URLs show: the same content the same source, any change another', async () => {
    const content = bilingualContent()
    const catalog = buildCatalog(content)
    const hashes = await hashesOf(content)
    const source = articlesPart(catalog, hashes).source
    expect(articlesPart(buildCatalog(bilingualContent()), hashes).source).toBe(source)

    // An article updated: its content hash, so its digest, changes (and its lastmod).
    const updated = bilingualContent(withArticle('первый-снег', { updated: '2026-11-30T10:00:00Z' }))
    expect(articlesPart(buildCatalog(updated), await hashesOf(updated)).source).not.toBe(source)

    // The oldest article dated newest: the same entries in another order.
    const reordered = bilingualContent(withArticle('первый-снег', { published: '2026-12-02T08:00:00Z' }))
    const reorderedCatalog = buildCatalog(reordered)
    expect(articlesPart(reorderedCatalog, hashes).source).not.toBe(source)

    // A translation's language changes: the original's URL names it (hreflang), even with every
    // content hash as it was (the translation's own entry is checked by its hash elsewhere).
    // (Arabic to Abkhazian: the versions keep their order, so only the language tells them apart.)
    const relabelled = bilingualContent(withArticle('روسيا-الصين', { language: 'ab' }))
    const relabelledCatalog = buildCatalog(relabelled)
    expect(renderSitemapPart(sitemapParts(relabelledCatalog, ORIGIN).find((p) => p.path === PART) as never)).not.toBe(
      renderSitemapPart(sitemapParts(catalog, ORIGIN).find((p) => p.path === PART) as never),
    )
    const versions = (c: Catalog) => c.entries.map((entry) => c.versions.get(entry)?.map((v) => v.slug))
    expect(versions(relabelledCatalog)).toEqual(versions(catalog))
    expect(articlesPart(relabelledCatalog, hashes).source).not.toBe(source)
  })
})
