/** @module The 404 page. */
import type { FormatURLs } from '../feed/model.ts'
import { Layout, type PageSite } from './layout.tsx'

export const NotFoundPage = ({ site, feeds }: { site: PageSite; feeds: FormatURLs }) => (
  <Layout
    site={site}
    title={`Not found · ${site.title}`}
    description="This page does not exist."
    canonical={site.homeURL}
    feeds={feeds}
    feedTitle={site.title}
  >
    <h1>Page not found</h1>
    <p>
      There is nothing at this address. The <a href={site.homeURL}>home page</a> lists the newest articles.
    </p>
  </Layout>
)
