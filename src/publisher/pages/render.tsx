/**
 * @module
 * Every HTML page as a string, from the feed model: the list pages (home, tags, archives), an
 * article's page, and the 404 and 410 pages. Pure: the publisher stores what these return.
 */

import { type DocumentRef, htmlPath } from '../../archive/paths.ts'
import { toFeedItem } from '../feed/build.ts'
import type { Catalog, CatalogEntry } from '../feed/catalog.ts'
import type { FeedModel } from '../feed/model.ts'
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
})

const html = async (element: { toString(): string | Promise<string> }): Promise<string> =>
  `<!DOCTYPE html>${await element.toString()}`

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
      heading={tagName ?? catalog.site.title}
      intro={intro}
      older={model.history.prevArchive?.html}
      newer={model.history.nextArchive?.html ?? model.history.current?.html}
    />,
  )
}

export const renderArticlePage = (context: PageContext, entry: CatalogEntry): Promise<string> =>
  html(
    <ArticlePage
      site={pageSite(context)}
      publisher={context.catalog.site.publisher}
      item={toFeedItem(entry, context.origin)}
      feeds={context.siteModel.links}
      tagURL={(slug) => context.origin + htmlPath({ tag: slug })}
    />,
  )

export const renderNotFoundPage = (context: PageContext): Promise<string> =>
  html(<NotFoundPage site={pageSite(context)} feeds={context.siteModel.links} />)

export const renderGonePage = (context: PageContext): Promise<string> =>
  html(<GonePage site={pageSite(context)} feeds={context.siteModel.links} />)
