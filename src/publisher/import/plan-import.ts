/**
 * @module
 * Where each imported article goes, as a pure function of the articles that exist: a story
 * whose id (from its agency `uri`) is already an article updates that article's file in place —
 * same file, same URL, same `published` (feeds never re-date an item) — and a new story gets a
 * new file named from its headline. Tags take the spelling the site already uses, so that an
 * agency's "politics" joins our "Politics" instead of colliding with it.
 */
import { parseContentDate } from '../../../content/dates.ts'
import type { ArticleEntry } from '../../../content/load.ts'
import type { ArticleInput } from '../../../content/schema.ts'
import { tagSlug } from '../../../content/tags.ts'

export type ImportedStory = {
  /** The input file, for messages. */
  readonly input: string
  /** The agency's `uri`. */
  readonly uri: string
  readonly article: ArticleInput
}

export type PlannedArticle = ImportedStory & {
  /** Path of the article file from the project root, as ArticleEntry names it. */
  readonly file: string
  readonly slug: string
  /** An existing article of that id is rewritten. */
  readonly replaces: boolean
}

/** A story skipped because the article already holds a later version of it. */
export type SkippedStory = ImportedStory & { readonly file: string; readonly reason: string }

export type ImportPlanOptions = {
  /** Folder of new article files, from the project root (e.g. `content/articles`). */
  readonly folder: string
  /** Slug from a headline (scripts/slug.ts), for new files. */
  readonly slugOf: (headline: string) => string
}

const instant = (date: string | undefined): number => (date ? (parseContentDate(date)?.getTime() ?? 0) : 0)

/** The story as an update of `current`: its `published` kept, `updated` the story's version. */
const asUpdate = (story: ArticleInput, current: ArticleInput): ArticleInput => {
  const version = story.updated ?? story.published
  const { updated: _, ...rest } = story
  return instant(version) > instant(current.published)
    ? { ...rest, published: current.published, updated: version }
    : { ...rest, published: current.published }
}

export const planImport = (
  existing: readonly ArticleEntry[],
  stories: readonly ImportedStory[],
  { folder, slugOf }: ImportPlanOptions,
): { readonly articles: PlannedArticle[]; readonly skipped: SkippedStory[] } => {
  const byId = new Map(existing.map(([slug, article, file]) => [article.id, { slug, article, file: file ?? '' }]))
  const slugs = new Set(existing.map(([slug]) => slug))
  const spelling = new Map<string, string>()
  for (const [, article] of existing) for (const tag of article.tags) spelling.set(tagSlug(tag), tag)
  const planned = new Map<string, PlannedArticle>()
  const skipped: SkippedStory[] = []
  for (const story of stories) {
    const tags = story.article.tags.map((tag) => spelling.get(tagSlug(tag)) ?? tag)
    const article = { ...story.article, tags }
    const earlier = planned.get(article.id)
    const current = earlier ?? byId.get(article.id)
    if (current) {
      const version = instant(article.updated ?? article.published)
      if (version < instant(current.article.updated ?? current.article.published)) {
        skipped.push({ ...story, file: current.file, reason: 'the article already holds a later version.' })
        continue
      }
      const replaces = earlier ? earlier.replaces : true
      planned.set(article.id, {
        ...story,
        article: asUpdate(article, current.article),
        file: current.file,
        slug: current.slug,
        replaces,
      })
      continue
    }
    const base = slugOf(article.title)
    let slug = base
    for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`
    slugs.add(slug)
    planned.set(article.id, { ...story, article, slug, file: `${folder}/${slug}.ts`, replaces: false })
  }
  return { articles: [...planned.values()], skipped }
}
