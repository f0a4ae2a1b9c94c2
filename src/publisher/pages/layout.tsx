/** @module The HTML shell shared by every page: head (meta, social cards, autodiscovery), header, subscribe box, footer. */
import type { Child } from 'hono/jsx'
import type { FormatURLs, Translation } from '../feed/model.ts'
import { pageDirection } from './direction.ts'
import { Subscribe } from './subscribe.tsx'

export type PageSite = { readonly title: string; readonly homeURL: string; readonly language: string }

export type LayoutProps = {
  readonly site: PageSite
  readonly title: string
  readonly description: string
  readonly canonical: string
  /** The feeds this page mirrors: announced for autodiscovery and offered in the subscribe box. */
  readonly feeds: FormatURLs
  /** What the feeds are called, e.g. "Newswire" or "Newswire: China". */
  readonly feedTitle: string
  /** More feeds to announce after the page's own (e.g. the whole site's, on a page in another language). */
  readonly moreFeeds?: readonly { readonly feeds: FormatURLs; readonly title: string }[]
  /**
   * The page's language versions, itself included (`<link rel="alternate" hreflang>`, HTML
   * §4.6.7.1; Google: each version lists every version, itself too).
   */
  readonly versions?: readonly Translation[]
  readonly ogType?: 'website' | 'article'
  /** Extra head elements, e.g. JSON-LD. */
  readonly head?: Child
  readonly children: Child
}

/** `<link rel="alternate">` autodiscovery for the three feeds (RSS Board autodiscovery spec). */
const FeedLinks = ({ feeds, title }: { feeds: FormatURLs; title: string }) => (
  <>
    <link rel="alternate" type="application/rss+xml" title={`${title} (RSS)`} href={feeds.rss} />
    <link rel="alternate" type="application/atom+xml" title={`${title} (Atom)`} href={feeds.atom} />
    <link rel="alternate" type="application/feed+json" title={`${title} (JSON Feed)`} href={feeds.json} />
  </>
)

export const Layout = (props: LayoutProps) => (
  <html lang={props.site.language} dir={pageDirection(props.site.language)}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{props.title}</title>
      <meta name="description" content={props.description} />
      <link rel="canonical" href={props.canonical} />
      <meta property="og:type" content={props.ogType ?? 'website'} />
      <meta property="og:site_name" content={props.site.title} />
      <meta property="og:title" content={props.title} />
      <meta property="og:description" content={props.description} />
      <meta property="og:url" content={props.canonical} />
      <meta name="twitter:card" content="summary" />
      <meta name="twitter:title" content={props.title} />
      <meta name="twitter:description" content={props.description} />
      {/* Autodiscovery: readers offer the first feed first, so the page's own come first. */}
      <FeedLinks feeds={props.feeds} title={props.feedTitle} />
      {props.moreFeeds?.map(({ feeds, title }) => (
        <FeedLinks feeds={feeds} title={title} />
      ))}
      {props.versions?.map(({ language, url }) => (
        <link rel="alternate" hreflang={language} href={url} />
      ))}
      <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
      <link rel="stylesheet" href="/styles.css" />
      <script src="/copy.js" defer />
      {props.head}
    </head>
    <body>
      <header class="site">
        <a href={props.site.homeURL} class="site-name">
          {props.site.title}
        </a>
      </header>
      <main>{props.children}</main>
      <Subscribe feeds={props.feeds} title={props.feedTitle} />
      <footer class="site">
        <p>
          <a href={props.site.homeURL}>{props.site.title}</a> publishes wire-service articles in full, with their source
          credited.
        </p>
      </footer>
    </body>
  </html>
)
