/** @module An article's own page: the link of its feed items, so it shows the whole text. */
import { raw } from 'hono/html'
import type { FeedItem, FormatURLs } from '../feed/model.ts'
import { textDirection } from './direction.ts'
import { formatDisplayDate, machineDate } from './format.ts'
import { JSONLD, newsArticle } from './json-ld.tsx'
import { Layout, type PageSite } from './layout.tsx'
import { Figure } from './picture.tsx'

export type ArticlePageProps = {
  readonly site: PageSite
  readonly publisher: string
  readonly item: FeedItem
  /** The feeds of the article's language, announced first and offered on the page. */
  readonly feeds: FormatURLs
  /** What those feeds are called (default: the site's title). */
  readonly feedTitle?: string
  /** Feeds announced after them: the whole site's, for an article in another language. */
  readonly moreFeeds?: readonly { readonly feeds: FormatURLs; readonly title: string }[]
  /** Absolute URL of a tag's page, by tag slug. */
  readonly tagURL: (slug: string) => string
}

export const ArticlePage = ({ site, publisher, item, feeds, feedTitle, moreFeeds, tagURL }: ArticlePageProps) => (
  <Layout
    site={site}
    title={`${item.title} · ${site.title}`}
    description={item.summary}
    canonical={item.url}
    feeds={feeds}
    feedTitle={feedTitle ?? site.title}
    moreFeeds={moreFeeds}
    versions={
      item.translations.length === 0
        ? undefined
        : [{ language: item.language, url: item.url }, ...item.translations].toSorted((a, b) =>
            a.language < b.language ? -1 : 1,
          )
    }
    ogType="article"
    image={item.image}
    head={<JSONLD data={newsArticle({ item, publisher, publisherURL: site.homeURL })} />}
  >
    <article lang={item.language === site.language ? undefined : item.language}>
      <header>
        {/* The article's own text takes its direction; the labels around it keep the page's. */}
        <h1 dir={textDirection(item.language, site.language).dir}>{item.title}</h1>
        <p class="standfirst" dir={textDirection(item.language, site.language).dir}>
          {item.summary}
        </p>
        <p class="meta">
          <time datetime={machineDate(item.published)}>{formatDisplayDate(item.published)}</time> · {item.dateline} ·
          Source: {item.authors.map((a) => a.name).join(', ')}
          {item.updated.getTime() !== item.published.getTime() && (
            <>
              {' '}
              · Updated <time datetime={machineDate(item.updated)}>{formatDisplayDate(item.updated)}</time>
            </>
          )}
        </p>
      </header>
      {item.image && <Figure picture={item.image} lead />}
      {/* Paragraphs are built by src/publisher/feed/body.ts from typed content with every text escaped. */}
      <div class="body" dir={textDirection(item.language, site.language).dir}>
        {item.bodyParts.map((part) => (typeof part === 'string' ? raw(part) : <Figure picture={part} />))}
      </div>
      {item.corrections.length > 0 && (
        <section class="corrections" aria-labelledby="corrections-heading">
          <h2 id="corrections-heading">Corrections</h2>
          <ul>
            {item.corrections.map((correction) => (
              <li>
                <time datetime={machineDate(correction.date)}>{formatDisplayDate(correction.date)}</time>:{' '}
                <span dir={textDirection(item.language, site.language).dir}>{correction.text}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {item.tags.length > 0 && (
        <footer>
          <p class="tags">
            Tags:{' '}
            {item.tags.map((tag, i) => (
              <>
                {i > 0 && ', '}
                <a href={tagURL(tag.slug)} rel="tag">
                  {tag.name}
                </a>
              </>
            ))}
          </p>
        </footer>
      )}
    </article>
  </Layout>
)
