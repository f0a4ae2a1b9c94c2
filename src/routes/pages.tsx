/**
 * @module
 * The HTML pages: home, one page per article, and their stylesheet. Rendered once per isolate
 * and origin like the feeds, and served with the same validators and cache policy.
 */
import { type Context, Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { ArticlePage } from '../pages/article.tsx'
import { HomePage } from '../pages/home.tsx'
import { NotFoundPage } from '../pages/not-found.tsx'
import { STYLES } from '../pages/styles.ts'
import { respond } from './respond.ts'
import { siteFor } from './site.ts'

export const HTML = 'text/html; charset=utf-8'
const CSS = 'text/css; charset=utf-8'

export const pages = new Hono<AppEnv>()

pages.get('/', async (c) => {
  const site = siteFor(c)
  const document = await site.document('/', HTML, async () => ({
    body: `<!DOCTYPE html>${await (<HomePage model={site.model} />).toString()}`,
    lastModified: site.model.updated,
  }))
  return respond(c, document)
})

pages.get('/articles/:slug', async (c) => {
  const site = siteFor(c)
  const item = site.item(c.req.param('slug'))
  if (!item) return c.notFound()
  const document = await site.document(`/articles/${item.slug}`, HTML, async () => ({
    body: `<!DOCTYPE html>${await (<ArticlePage model={site.model} item={item} />).toString()}`,
    lastModified: item.updated,
  }))
  return respond(c, document)
})

pages.get('/styles.css', async (c) => {
  const site = siteFor(c)
  const document = await site.document('/styles.css', CSS, () => ({ body: STYLES, lastModified: site.model.updated }))
  return respond(c, document)
})

/** The 404 page for any path no route answers. */
export const notFound = async (c: Context<AppEnv>): Promise<Response> => {
  const page = await (<NotFoundPage model={siteFor(c).model} />).toString()
  return c.html(`<!DOCTYPE html>${page}`, 404)
}
