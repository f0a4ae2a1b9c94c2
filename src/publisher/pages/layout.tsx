/** @module The HTML shell shared by every page: head (meta, social cards, autodiscovery), header, subscribe box, footer. */
import type { Child } from 'hono/jsx'
import { ICON_PATHS } from '../../archive/paths.ts'
import type { FormatURLs, SiteIcons, Translation } from '../feed/model.ts'
import { enclosureOf, type Picture } from '../feed/picture.ts'
import { pageDirection } from './direction.ts'
import { Subscribe } from './subscribe.tsx'

export type PageSite = {
  readonly title: string
  readonly homeURL: string
  readonly language: string
  /** The site icon's files, when the publisher made them (absent: the SVG icon only). */
  readonly icons?: SiteIcons
}

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
  /** The page's picture for link previews (OpenGraph, Twitter cards): the article's lead. */
  readonly image?: Picture
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

/**
 * OpenGraph (ogp.me "Structured properties": og:image:width/height let the preview be laid out
 * before the image is fetched) and the Twitter card image: the 1280 px JPEG of the lead.
 */
const PreviewImage = ({ picture }: { picture: Picture }) => {
  const image = enclosureOf(picture)
  return (
    <>
      <meta property="og:image" content={image.url} />
      <meta property="og:image:type" content={image.contentType} />
      <meta property="og:image:width" content={String(image.width)} />
      <meta property="og:image:height" content={String(image.height)} />
      <meta property="og:image:alt" content={picture.alt} />
      <meta name="twitter:image" content={image.url} />
      <meta name="twitter:image:alt" content={picture.alt} />
    </>
  )
}

/**
 * The PNG icon for browsers without SVG icons, the apple-touch-icon (iOS home screens;
 * NetNewsWire takes the largest), and the web app manifest (W3C Application Manifest §1.1).
 */
const IconLinks = ({ icons }: { icons: SiteIcons }) => (
  <>
    <link rel="icon" href={icons.png32} type="image/png" sizes="32x32" />
    <link rel="apple-touch-icon" href={ICON_PATHS.appleTouch} sizes="180x180" />
    <link rel="manifest" href={ICON_PATHS.manifest} />
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
      {props.image && <PreviewImage picture={props.image} />}
      <meta name="twitter:card" content={props.image ? 'summary_large_image' : 'summary'} />
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
      {props.site.icons && <IconLinks icons={props.site.icons} />}
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
