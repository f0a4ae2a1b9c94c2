/** @module The 410 page: what a removed article's address answers (RFC 9110 §15.5.11). */
import type { FormatURLs } from '../feed/model.ts'
import { Layout, type PageSite } from './layout.tsx'

export const GonePage = ({ site, feeds }: { site: PageSite; feeds: FormatURLs }) => (
  <Layout
    site={site}
    title={`Removed · ${site.title}`}
    description="This page was removed."
    canonical={site.homeURL}
    feeds={feeds}
    feedTitle={site.title}
  >
    <h1>Removed</h1>
    <p>
      What was published at this address has been removed and will not come back. The{' '}
      <a href={site.homeURL}>home page</a> lists the newest articles.
    </p>
  </Layout>
)
