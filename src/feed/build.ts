/**
 * @module
 * Content → model: the one place that parses dates, sorts, and resolves URLs against the
 * public origin. Everything else renders from the model it returns.
 */
import { parseContentDate } from '../../content/dates.ts'
import type { Article, Content } from '../../content/index.ts'
import { bodyParagraphsHTML, renderContentHTML } from './body.ts'
import { articleId, feedId } from './ids.ts'
import type { FeedItem, FeedModel } from './model.ts'

export type BuildFeedModelOptions = {
  /** Public origin without a trailing slash, e.g. `https://news.example.com`. */
  readonly origin: string
}

/** Content was checked at load, so its dates parse. */
const date = (value: string): Date => parseContentDate(value) as Date

const toItem = (content: Content, article: Article, origin: string): FeedItem => {
  const bodyHTML = bodyParagraphsHTML(article).join('\n')
  return {
    id: articleId(content.site, article.id),
    slug: article.slug,
    url: `${origin}/articles/${article.slug}`,
    title: article.title,
    summary: article.standfirst,
    dateline: article.dateline,
    bodyHTML,
    contentHTML: renderContentHTML(article.standfirst, bodyHTML),
    published: date(article.published),
    updated: date(article.updated ?? article.published),
    authors: [{ name: article.source }],
    tags: article.tags,
    language: article.language ?? content.site.language,
  }
}

/** Newest first; equal dates fall back to the id, so the order never depends on file order. */
const newestFirst = (a: FeedItem, b: FeedItem): number =>
  b.published.getTime() - a.published.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

export const buildFeedModel = (content: Content, { origin }: BuildFeedModelOptions): FeedModel => {
  const items = content.articles.map((article) => toItem(content, article, origin)).sort(newestFirst)
  const updated = new Date(items.reduce((newest, item) => Math.max(newest, item.updated.getTime()), 0))
  return {
    id: feedId(content.site),
    title: content.site.title,
    description: content.site.description,
    language: content.site.language,
    homeURL: `${origin}/`,
    links: { rss: `${origin}/feed.xml`, atom: `${origin}/atom.xml`, json: `${origin}/feed.json` },
    updated,
    ttlMinutes: content.site.ttlMinutes,
    items,
  }
}
