/** @module The HTML shell shared by every page: head with autodiscovery, header, footer. */
import type { Child } from 'hono/jsx'
import type { FeedModel } from '../feed/model.ts'

export type LayoutProps = {
  readonly model: FeedModel
  readonly title: string
  readonly description: string
  readonly canonical: string
  readonly children: Child
}

/** `<link rel="alternate">` autodiscovery for the three feeds (RSS Board autodiscovery spec). */
const FeedLinks = ({ model }: { model: FeedModel }) => (
  <>
    <link rel="alternate" type="application/rss+xml" title={`${model.title} (RSS)`} href={model.links.rss} />
    <link rel="alternate" type="application/atom+xml" title={`${model.title} (Atom)`} href={model.links.atom} />
    <link rel="alternate" type="application/feed+json" title={`${model.title} (JSON Feed)`} href={model.links.json} />
  </>
)

export const Layout = ({ model, title, description, canonical, children }: LayoutProps) => (
  <html lang={model.language}>
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <meta name="description" content={description} />
      <link rel="canonical" href={canonical} />
      <FeedLinks model={model} />
      <link rel="stylesheet" href="/styles.css" />
    </head>
    <body>
      <header class="site">
        <a href={model.homeURL} class="site-name">
          {model.title}
        </a>
      </header>
      <main>{children}</main>
      <footer class="site">
        <p>
          Follow in a feed reader: <a href={model.links.rss}>RSS</a> · <a href={model.links.atom}>Atom</a> ·{' '}
          <a href={model.links.json}>JSON Feed</a>
        </p>
      </footer>
    </body>
  </html>
)
