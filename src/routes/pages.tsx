/**
 * @module
 * The HTML pages: home, tag pages and their archive pages (each mirroring a feed document),
 * one page per article, the 404 page, and the pages' stylesheet and script. Rendered once per
 * isolate and origin like the feeds, and served with the same validators and cache policy.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { htmlPath, isFullArchivePage, toFeedItem } from '../feed/build.ts'
import { ArticlePage } from '../pages/article.tsx'
import { FEED_STYLES } from '../pages/feed-styles.ts'
import type { PageSite } from '../pages/layout.tsx'
import { ListPage } from '../pages/list-page.tsx'
import { NotFoundPage } from '../pages/not-found.tsx'
import { ICON, STYLES } from '../pages/styles.ts'
import { COPY_SCRIPT } from '../pages/subscribe.tsx'
import { DOCUMENT_PREFIXES, documentRef } from './document-ref.ts'
import { answerOptions } from './options.ts'
import type { PublishedSite } from './published.ts'
import { respond } from './respond.ts'
import { siteFor } from './site.ts'

export const HTML = 'text/html; charset=utf-8'

const pageSite = (site: PublishedSite): PageSite => ({
  title: site.catalog.site.title,
  homeURL: `${site.origin}/`,
  language: site.catalog.site.language,
})

const html = async (element: { toString(): string | Promise<string> }): Promise<string> =>
  `<!DOCTYPE html>${await element.toString()}`

export const pages = new Hono<AppEnv>()

for (const prefix of DOCUMENT_PREFIXES)
  pages.get(prefix === '' ? '/' : prefix, async (c) => {
    const site = siteFor(c)
    const ref = documentRef(c)
    const model = ref && site.model(ref)
    if (!ref || !model) return c.notFound()
    const tagName = ref.tag === undefined ? undefined : site.catalog.tags.get(ref.tag)?.tag.name
    const document = await site.document(c.req.path, HTML, async () => ({
      body: await html(
        <ListPage
          site={pageSite(site)}
          model={model}
          heading={tagName ?? site.catalog.site.title}
          intro={
            (tagName === undefined ? site.catalog.site.description : `Articles tagged “${tagName}”, newest first.`) +
            (ref.page === undefined ? '' : ` Archive, page ${ref.page}.`)
          }
          older={model.history.prevArchive?.html}
          newer={model.history.nextArchive?.html ?? model.history.current?.html}
        />,
      ),
      lastModified: model.updated,
    }))
    return respond(c, document, { immutable: isFullArchivePage(site.catalog, ref) })
  })

pages.get('/articles/:slug', async (c) => {
  const site = siteFor(c)
  const entry = site.catalog.bySlug.get(c.req.param('slug'))
  if (!entry) return c.notFound()
  const document = await site.document(`/articles/${entry.slug}`, HTML, async () => ({
    body: await html(
      <ArticlePage
        site={pageSite(site)}
        publisher={site.catalog.site.publisher}
        item={toFeedItem(entry, site.origin)}
        feeds={site.siteModel().links}
        tagURL={(slug) => site.origin + htmlPath({ tag: slug })}
      />,
    ),
    lastModified: entry.updated,
  }))
  return respond(c, document)
})

const ASSETS = [
  { path: '/styles.css', contentType: 'text/css; charset=utf-8', body: STYLES },
  { path: '/copy.js', contentType: 'text/javascript; charset=utf-8', body: COPY_SCRIPT },
  { path: '/feed.css', contentType: 'text/css; charset=utf-8', body: FEED_STYLES },
  { path: '/favicon.svg', contentType: 'image/svg+xml', body: ICON },
  { path: '/favicon.ico', contentType: 'image/svg+xml', body: ICON },
]

// Code, not content: a deploy can change them without any article changing, so they carry an
// ETag and no Last-Modified (which would wrongly answer If-Modified-Since with 304).
for (const { path, contentType, body } of ASSETS) {
  pages.get(path, async (c) => respond(c, await siteFor(c).document(path, contentType, () => ({ body }))))
  pages.options(path, answerOptions)
}

// After the GETs, so that 405 responses list the methods as GET, HEAD, OPTIONS.
for (const prefix of DOCUMENT_PREFIXES) pages.options(prefix === '' ? '/' : prefix, answerOptions)
pages.options('/articles/:slug', answerOptions)

/** The 404 page for any path no route answers: rendered once, like every page (scanners ask often). */
export const notFound = async (c: Context<AppEnv>): Promise<Response> => {
  const site = siteFor(c)
  const page = await site.document('\u0000not-found', HTML, async () => ({
    body: await html(<NotFoundPage site={pageSite(site)} feeds={site.siteModel().links} />),
  }))
  return c.body(page.bytes, 404, { 'Content-Type': HTML })
}
