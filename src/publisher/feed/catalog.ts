/**
 * @module
 * Content → catalog: every article once, with parsed dates and permanent ids, newest first,
 * and the tag index. It does not depend on the origin, so one catalog serves every request.
 * Article HTML is rendered on first use only: a feed of 50 items renders 50 articles, however
 * large the archive.
 */
import type { Article, Content, Site } from '../../../content/load.ts'
import { DEFAULT_ARCHIVE_PAGE_SIZE, DEFAULT_FEED_SIZE } from '../../../content/schema.ts'
import { tagSlug } from '../../../content/tags.ts'
import { languagePrefix } from '../../archive/paths.ts'
import { bodyParagraphsHTML, correctionsHTML, renderContentHTML } from './body.ts'
import { articleId } from './ids.ts'
import type { Correction, FeedAuthor, Tag } from './model.ts'
import { translationGroups } from './translations.ts'

export class CatalogEntry {
  readonly id: string
  readonly slug: string
  readonly title: string
  readonly summary: string
  readonly dateline: string
  readonly published: Date
  readonly updated: Date
  readonly language: string
  /** The article's own `id` (content), which `translationOf` names. */
  readonly contentId: string
  readonly translationOf: string | undefined
  /** Oldest first, as the content lists them. */
  readonly corrections: readonly Correction[]
  readonly #article: Article
  #bodyHTML: string | undefined
  #tags: readonly Tag[] | undefined

  constructor(site: Site, article: Article) {
    this.#article = article
    this.id = articleId(site, article.id)
    this.slug = article.slug
    this.title = article.title
    this.summary = article.standfirst
    this.dateline = article.dateline
    this.published = article.publishedAt
    this.updated = article.updatedAt
    this.language = article.language ?? site.language
    this.contentId = article.id
    this.translationOf = article.translationOf
    this.corrections = (article.corrections ?? []).map((correction, i) => ({
      date: article.correctionsAt[i] as Date,
      text: correction.text,
    }))
  }

  /** The language path prefix of the article's language (src/archive/paths.ts). */
  get languagePrefix(): string {
    return languagePrefix(this.language)
  }

  /** The source, credited as author. */
  get authors(): readonly FeedAuthor[] {
    return [{ name: this.#article.source }]
  }

  /** Tag names with their URL slugs, derived on first use. */
  get tags(): readonly Tag[] {
    this.#tags ??= this.#article.tags.map((name) => ({ name, slug: tagSlug(name) }))
    return this.#tags
  }

  /** Body paragraphs as HTML, dateline first; rendered once, on first use. */
  get bodyHTML(): string {
    this.#bodyHTML ??= bodyParagraphsHTML(this.#article).join('\n')
    return this.#bodyHTML
  }

  /** The full text for feeds: standfirst, then the body, then any corrections. */
  get contentHTML(): string {
    return renderContentHTML(this.summary, this.bodyHTML) + correctionsHTML(this.corrections)
  }
}

export type TagIndex = { readonly tag: Tag; readonly entries: readonly CatalogEntry[] }

export type Catalog = {
  readonly site: Site
  /** Newest first; equal dates in id order, so file order never matters. */
  readonly entries: readonly CatalogEntry[]
  readonly bySlug: ReadonlyMap<string, CatalogEntry>
  /** By tag slug, in slug order; each tag's entries newest first. */
  readonly tags: ReadonlyMap<string, TagIndex>
  /** Each translated entry's language versions, itself included (translations.ts); of the whole site. */
  readonly versions: ReadonlyMap<CatalogEntry, readonly CatalogEntry[]>
  readonly feedSize: number
  readonly archivePageSize: number
}

/** The newest `updated` among entries: what a document showing them is dated by. */
export const newestUpdate = (entries: readonly CatalogEntry[]): Date =>
  new Date(entries.reduce((newest, entry) => Math.max(newest, entry.updated.getTime()), 0))

const newestFirst = (a: CatalogEntry, b: CatalogEntry): number =>
  b.published.getTime() - a.published.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

const indexTags = (entries: readonly CatalogEntry[]): Map<string, TagIndex> => {
  const bySlug = new Map<string, { tag: Tag; entries: CatalogEntry[] }>()
  for (const entry of entries)
    for (const tag of entry.tags) {
      const index = bySlug.get(tag.slug) ?? { tag, entries: [] }
      index.entries.push(entry)
      bySlug.set(tag.slug, index)
    }
  return new Map([...bySlug].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

export const buildCatalog = (content: Content): Catalog =>
  catalogOf(content.site, content.articles.map((article) => new CatalogEntry(content.site, article)).sort(newestFirst))

/**
 * A catalog of some entries of the site (all, or one language's), newest first. `versions`: the
 * whole site's translation groups, for a catalog of one language (a translation is in another).
 */
export const catalogOf = (
  site: Site,
  entries: readonly CatalogEntry[],
  versions?: () => ReadonlyMap<CatalogEntry, readonly CatalogEntry[]>,
): Catalog => {
  let groups: ReadonlyMap<CatalogEntry, readonly CatalogEntry[]> | undefined
  let tags: Map<string, TagIndex> | undefined
  let bySlug: Map<string, CatalogEntry> | undefined
  // The catalog does at first what the first feed needs (every date, to sort); the indexes
  // for article and tag routes are built on their first request.
  return {
    site,
    entries,
    get bySlug() {
      bySlug ??= new Map(entries.map((entry) => [entry.slug, entry]))
      return bySlug
    },
    get tags() {
      tags ??= indexTags(entries)
      return tags
    },
    get versions() {
      groups ??= versions ? versions() : translationGroups(entries)
      return groups
    },
    feedSize: site.feedSize ?? DEFAULT_FEED_SIZE,
    archivePageSize: site.archivePageSize ?? DEFAULT_ARCHIVE_PAGE_SIZE,
  }
}
