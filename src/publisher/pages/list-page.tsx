/**
 * @module
 * The pages that mirror a feed document: home (the site's subscription feed), a tag's page,
 * and their archive pages. Each lists the same articles as its feeds and announces them.
 */
import type { FeedModel, FormatURLs } from '../feed/model.ts'
import { ArticleList } from './article-list.tsx'
import { Layout, type PageSite } from './layout.tsx'

export type ListPageProps = {
  readonly site: PageSite
  readonly model: FeedModel
  /** The heading: the site's or the tag's name. */
  readonly heading: string
  readonly intro: string
  /** Feeds announced after the page's own: the whole site's, on a language's page. */
  readonly moreFeeds?: readonly { readonly feeds: FormatURLs; readonly title: string }[]
  /** HTML pages of the next older and newer documents, when they exist. */
  readonly older?: string
  readonly newer?: string
}

export const ListPage = ({ site, model, heading, intro, moreFeeds, older, newer }: ListPageProps) => (
  <Layout
    site={site}
    title={model.title}
    description={model.description}
    canonical={model.links.html}
    feeds={model.links}
    feedTitle={model.title}
    moreFeeds={moreFeeds}
  >
    <h1>{heading}</h1>
    <p class="lead">{intro}</p>
    {model.items.length > 0 ? (
      <ArticleList items={model.items} language={site.language} />
    ) : (
      <p>No articles on this page yet.</p>
    )}
    {(older || newer) && (
      <nav class="pages" aria-label="More articles">
        {newer && <a href={newer}>Newer articles</a>}
        {older && <a href={older}>Older articles</a>}
      </nav>
    )}
  </Layout>
)
