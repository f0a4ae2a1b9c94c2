/** @module Content as it is loaded and checked (load.ts): the site, its articles, and where their files are. */
import type { ArticleInput, SiteInput } from './schema.ts'

export type Site = SiteInput
export type Article = ArticleInput & {
  /** `published` and `updated` (or `published`) parsed, see content/dates.ts. */
  readonly publishedAt: Date
  /** The latest of `updated` (or `published`) and the corrections' dates. */
  readonly updatedAt: Date
  /** The corrections' dates, parsed, in the order of `corrections`. */
  readonly correctionsAt: readonly Date[]
  /** URL path segment: the article file's name without `.ts`. */
  readonly slug: string
  /** Path of the article file, for messages. */
  readonly file: string
}
export type Content = { readonly site: Site; readonly articles: readonly Article[] }

/**
 * `[slug, article, file]`: the slug is the article file's base name, the file its path from the
 * project root (default `content/articles/<slug>.ts`; folders may shard the archive).
 */
export type ArticleEntry = readonly [slug: string, article: ArticleInput, file?: string]

export const SITE_FILE = 'content/site.ts'
export const articleFile = (slug: string): string => `content/articles/${slug}.ts`
