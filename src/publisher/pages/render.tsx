/**
 * @module
 * Every HTML page as a string, from the feed model: the list pages (home, tags, archives), an
 * article's page, and the 404 and 410 pages. Pure: the publisher stores what these return.
 */

import { type DocumentRef, documentPaths, htmlPath } from '../../archive/paths.ts'
import { toFeedItem } from '../feed/build.ts'
import type { Catalog, CatalogEntry } from '../feed/catalog.ts'
import { languageCatalogs } from '../feed/languages.ts'
import type { FeedModel, FormatURLs } from '../feed/model.ts'
import { ArticlePage } from './article.tsx'
import { GonePage } from './gone.tsx'
import type { PageSite } from './layout.tsx'
import { ListPage } from './list-page.tsx'
import { NotFoundPage } from './not-found.tsx'

export type PageContext = {
  readonly catalog: Catalog
  readonly origin: string
  /** The site's subscription document: its feeds are announced on every page that has none of its own. */
  readonly siteModel: FeedModel
}

const pageSite = ({ catalog, origin }: PageContext): PageSite => ({
  title: catalog.site.title,
  homeURL: `${origin}/`,
  language: catalog.site.language,
  ...(catalog.icons !== undefined && { icons: catalog.icons }),
})

const html = async (element: { toString(): string | Promise<string> }): Promise<string> =>
  `<!DOCTYPE html>${await element.toString()}`

type Feeds = { readonly feeds: FormatURLs; readonly title: string }

const siteFeeds = (context: PageContext): Feeds => ({ feeds: context.siteModel.links, title: context.siteModel.title })

/** The subscription feeds of a language's own documents, when it has them (src/publisher/feed/languages.ts). */
const languageFeeds = (context: PageContext, prefix: string): Feeds | undefined => {
  if (!languageCatalogs(context.catalog).has(prefix)) return undefined
  const paths = documentPaths({ language: prefix })
  const { origin } = context
  return {
    feeds: { rss: origin + paths.rss, atom: origin + paths.atom, json: origin + paths.json, html: origin + paths.html },
    title: `${context.catalog.site.title} (${prefix})`,
  }
}

/** Home, a tag's page, or an archive page of either: the HTML mirror of a feed document. */
export const renderListPage = (context: PageContext, ref: DocumentRef, model: FeedModel): Promise<string> => {
  const { catalog } = context
  const tagName = ref.tag === undefined ? undefined : catalog.tags.get(ref.tag)?.tag.name
  const intro =
    (tagName === undefined ? catalog.site.description : `Articles tagged “${tagName}”, newest first.`) +
    (ref.page === undefined ? '' : ` Archive, page ${ref.page}.`)
  return html(
    <ListPage
      site={pageSite(context)}
      model={model}
      heading={tagName ?? (ref.language === undefined ? catalog.site.title : `${catalog.site.title} (${ref.language})`)}
      intro={intro}
      moreFeeds={ref.language === undefined ? undefined : [siteFeeds(context)]}
      older={model.history.prevArchive?.html}
      newer={model.history.nextArchive?.html ?? model.history.current?.html}
    />,
  )
}

/**
 * The feeds an article's page announces: its language's first (autodiscovery offers the first),
 * then the whole site's. The paths are part of what the page shows (plan.ts).
 */
export const articleFeeds = (context: PageContext, entry: CatalogEntry): readonly Feeds[] => {
  const own = languageFeeds(context, entry.languagePrefix)
  return own ? [own, siteFeeds(context)] : [siteFeeds(context)]
}

export const renderArticlePage = (context: PageContext, entry: CatalogEntry): Promise<string> => {
  const [feeds, ...moreFeeds] = articleFeeds(context, entry) as [Feeds, ...Feeds[]]
  return html(
    <ArticlePage
      site={pageSite(context)}
      publisher={context.catalog.site.publisher}
      item={toFeedItem(entry, context.origin, context.catalog)}
      feeds={feeds.feeds}
      feedTitle={feeds.title}
      moreFeeds={moreFeeds}
      tagURL={(slug) => context.origin + htmlPath({ tag: slug })}
    />,
  )
}

export const renderNotFoundPage = (context: PageContext): Promise<string> =>
  html(<NotFoundPage site={pageSite(context)} feeds={context.siteModel.links} />)

export const renderGonePage = (context: PageContext): Promise<string> =>
  html(<GonePage site={pageSite(context)} feeds={context.siteModel.links} />)
