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
import { type BodyPart, bodyParts, bodyPartsHTML, correctionsHTML, renderContentHTML } from './body.ts'
import { articleId } from './ids.ts'
import type { Correction, FeedAuthor, SiteIcons, Tag } from './model.ts'
import { type Picture, type PictureTable, pictureOf } from './picture.ts'
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
  /** The lead picture, when its file was published (the feeds' enclosure and thumbnail). */
  readonly image: Picture | undefined
  readonly #article: Article
  readonly #pictures: PictureTable | undefined
  #bodyParts: readonly BodyPart[] | undefined
  #bodyHTML: string | undefined
  #tags: readonly Tag[] | undefined

  constructor(site: Site, article: Article, pictures?: PictureTable) {
    this.#article = article
    this.#pictures = pictures
    this.image = article.image === undefined ? undefined : pictureOf(article.image, pictures)
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

  /** Paragraphs as HTML (dateline first) and figures, in reading order; made once, on first use. */
  get bodyParts(): readonly BodyPart[] {
    this.#bodyParts ??= bodyParts(this.#article, this.#pictures)
    return this.#bodyParts
  }

  /** The body as HTML for feeds, figures as `<figure><img>`; rendered once, on first use. */
  get bodyHTML(): string {
    this.#bodyHTML ??= bodyPartsHTML(this.bodyParts)
    return this.#bodyHTML
  }

  /**
   * Forgets the body as made on first use (bodyParts, bodyHTML): a publish that re-renders every
   * document gives each body back once nothing left to write shows it, and this is what held it.
   */
  forgetBody(): void {
    this.#bodyParts = undefined
    this.#bodyHTML = undefined
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
  /** The site icon's URLs, when the publisher made the icons (feeds and pages name them). */
  readonly icons?: SiteIcons
}

/** What the publisher made of the media files: the pictures by `src`, the site icon (absolute URLs). */
export type CatalogMedia = { readonly pictures?: PictureTable; readonly icons?: SiteIcons }

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

/** `media`: the published pictures and icons (absent: articles are shown without pictures, feeds name no icon). */
export const buildCatalog = (content: Content, media: CatalogMedia = {}): Catalog =>
  catalogOf(
    content.site,
    content.articles.map((article) => new CatalogEntry(content.site, article, media.pictures)).sort(newestFirst),
    undefined,
    media.icons,
  )

/**
 * A catalog of some entries of the site (all, or one language's), newest first. `versions`: the
 * whole site's translation groups, for a catalog of one language (a translation is in another).
 */
export const catalogOf = (
  site: Site,
  entries: readonly CatalogEntry[],
  versions?: () => ReadonlyMap<CatalogEntry, readonly CatalogEntry[]>,
  icons?: SiteIcons,
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
    ...(icons !== undefined && { icons }),
  }
}
