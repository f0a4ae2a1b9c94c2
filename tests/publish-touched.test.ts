/**
 * Publishing plans only what a change touches (src/publisher/publish/touched.ts): published article
 * by article, with edits, removals, a back-dated article, a tag that comes and goes and a site
 * change, the archive holds the very objects and index rows that `--force` (every document
 * rendered from the full plan) writes for the same content.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { type ArticleEntry, type Content, loadContent } from '../content/load.ts'
import type { ArticleInput } from '../content/schema.ts'
import { generatedArticle, generatedEntries } from './fixtures/generated.ts'
import { fixtureSite } from './fixtures/site.ts'
import { publishContent } from './helpers/publish.ts'
import { get } from './helpers/worker.ts'

const SIZES = { feedSize: 10, archivePageSize: 10 }
const contentOf = (entries: readonly ArticleEntry[], title = fixtureSite.title): Content =>
  loadContent({ ...fixtureSite, ...SIZES, title }, [...entries])

const edit = (entries: readonly ArticleEntry[], slug: string, change: Partial<ArticleInput>): ArticleEntry[] =>
  entries.map(([s, article]) => [s, s === slug ? { ...article, ...change } : article] as const)

/** Every object (bytes and metadata) and every index row. */
const snapshot = async () => {
  const objects: Record<string, unknown> = {}
  let cursor: string | undefined
  do {
    const listed = await env.ARCHIVE.list({ cursor, include: ['httpMetadata', 'customMetadata'] })
    for (const { key } of listed.objects) {
      const object = (await env.ARCHIVE.get(key)) as R2ObjectBody
      objects[key] = { body: await object.text(), custom: object.customMetadata, http: object.httpMetadata }
    }
    cursor = listed.truncated ? listed.cursor : undefined
  } while (cursor)
  const rows = async (table: string, key: string) =>
    (await env.DB.prepare(`SELECT * FROM ${table} ORDER BY ${key}`).all()).results
  return {
    objects,
    documents: await rows('documents', 'path'),
    articles: await rows('articles', 'id'),
    scopes: await rows('scopes', 'scope'),
  }
}

/** Publishes with --force and expects nothing to differ from what the incremental publishes left. */
const expectSameAsForce = async (content: Content, hub?: string): Promise<void> => {
  const incremental = await snapshot()
  const forced = await publishContent(content, 'test', { force: true, hub })
  expect(forced.documents.removed).toBe(0)
  expect(await snapshot()).toEqual(incremental)
}

describe('publishing only what a change touches', () => {
  it('leaves the same objects and index rows as rendering everything, through adds, edits and removals', async () => {
    let entries = generatedEntries(0)
    for (let i = 0; i < 26; i++) {
      entries = [...entries, ...generatedEntries(1, i)]
      const summary = await publishContent(contentOf(entries))
      // (Two articles an hour, ties newest-first by id: each odd one moves the even one up a place.)
      expect(summary.articles, `article ${i}`).toEqual({ added: 1, changed: i % 2, removed: 0 })
    }
    // An edit deep in a full archive page, and an article that changes tags.
    entries = edit(entries, 'article-3', { title: 'Edited headline', updated: '2025-01-01T00:00:00Z' })
    expect((await publishContent(contentOf(entries))).articles).toEqual({ added: 0, changed: 1, removed: 0 })
    entries = edit(entries, 'article-24', { tags: ['Gamma', 'Fifth'] })
    await publishContent(contentOf(entries))
    // A removal shifts every later article by one place: later pages change, earlier ones do not.
    entries = entries.filter(([slug]) => slug !== 'article-10')
    // (The 14 newer articles move down a place; article-11, in the same hour, sorts older.)
    expect((await publishContent(contentOf(entries))).articles).toEqual({ added: 0, changed: 14, removed: 1 })
    expect((await get('/articles/article-10')).status).toBe(410)
    // A back-dated article with a tag of its own, then the tag gone again with it.
    const old: ArticleInput = { ...generatedArticle(99), published: '2023-06-01T00:00:00Z', tags: ['Delta'] }
    await publishContent(contentOf([...entries, ['old-news', old]]))
    expect((await get('/tags/delta/feed.json')).status).toBe(200)
    await publishContent(contentOf(entries))
    expect((await get('/tags/delta/feed.json')).status).toBe(410)
    expect((await get('/articles/old-news')).status).toBe(410)
    await expectSameAsForce(contentOf(entries))

    // Another language: a Russian article with its own tag (a language scope and a tag in it), then
    // a translation of an article deep in a full archive page (its page and entries gain hreflang
    // links), then a correction of that old article.
    const russian: ArticleInput = {
      ...generatedArticle(97),
      id: 'ru-1',
      language: 'ru',
      tags: ['Россия'],
      published: '2026-01-02T00:00:00Z',
    }
    entries = [...entries, ['rossiya', russian]]
    await publishContent(contentOf(entries))
    expect((await get('/ru/feed.xml')).status).toBe(200)
    const original = entries.find(([slug]) => slug === 'article-4')?.[1] as ArticleInput
    const translation: ArticleInput = {
      ...generatedArticle(98),
      id: 'ru-2',
      language: 'ru',
      translationOf: original.id,
      published: '2026-01-03T00:00:00Z',
    }
    entries = [...entries, ['perevod', translation]]
    await publishContent(contentOf(entries))
    expect(await (await get('/articles/article-4')).text()).toContain('hreflang="ru"')
    await expectSameAsForce(contentOf(entries))
    entries = edit(entries, 'article-4', { corrections: [{ date: '2026-01-04', text: 'A name was misspelt.' }] })
    await publishContent(contentOf(entries))
    expect(await (await get('/articles/article-4')).text()).toContain('A name was misspelt.')
    await expectSameAsForce(contentOf(entries))

    // A new site title changes every document: the whole plan, as before.
    const renamed = contentOf([...entries, ...generatedEntries(3, 26)], 'Renamed wire')
    const summary = await publishContent(renamed)
    expect(summary.articles.added).toBe(3)
    expect(await (await get('/articles/article-0')).text()).toContain('Renamed wire')
    await expectSameAsForce(renamed)

    // A hub named for the first time: every subscription document names it.
    const hub = 'https://hub.example/'
    await publishContent(renamed, 'test', { hub })
    expect(await (await get('/tags/gamma/feed.xml')).text()).toContain(hub)
    await expectSameAsForce(renamed, hub)
  }, 300_000)

  it('plans nothing and reads no document row when nothing changed', async () => {
    const content = contentOf(generatedEntries(30))
    await publishContent(content)
    const logged: string[] = []
    const again = await publishContent(content, 'test', { log: (message) => logged.push(message) })
    expect(again.documents).toEqual({ written: 0, unchanged: 0, removed: 0 })
    expect(logged).toContain('0 documents, 0 to render')
  })
})
