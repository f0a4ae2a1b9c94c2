/**
 * @module
 * RSS 2.0 (https://www.rssboard.org/rss-specification), written by the `feed` library with the
 * choices its defaults get wrong made explicit here.
 */
import { Feed } from 'feed'
import { escapeHTML } from './escape.ts'
import { addRootAttributes, addStylesheet, escapeAmpersands, insertAfterElement } from './feed-library.ts'
import { FH_NAMESPACE, historyLinks } from './history-links.ts'
import type { FeedItem, FeedModel } from './model.ts'

const toRSSItem = (item: FeedItem) => ({
  // Plain-text title without CDATA (RSS Profile: titles are character data), passed as an
  // extension because `feed` wraps `title` in CDATA. An empty `title` makes it skip its own.
  title: '',
  link: item.url,
  // Not a URL: isPermaLink="false" (which `feed` sets for `id`), RSS spec <guid>.
  id: item.id,
  date: item.updated,
  // <pubDate> is first publication; RSS has no element for the last change.
  published: item.published,
  // <description> is HTML (RSS Profile): the plain-text summary, escaped.
  description: escapeHTML(item.summary),
  content: item.contentHTML,
  category: item.tags.map((tag) => ({ name: escapeAmpersands(tag.name) })),
  extensions: [
    { name: 'title', objects: { _text: escapeAmpersands(item.title) } },
    // <author> must be an e-mail address; a name is a Dublin Core creator (RSS Profile).
    // xml-js writes an array as repeated elements: one <dc:creator> per author.
    {
      name: 'dc:creator',
      objects: item.authors.map((author) => ({ _text: escapeAmpersands(author.name) })) as unknown as Record<
        string,
        unknown
      >,
    },
  ],
})

/** Renders the model as an RSS 2.0 document. Same model, same bytes. */
export const renderRSS = (model: FeedModel): string => {
  const xml = renderRSSDocument(model)
  return model.stylesheet ? addStylesheet(xml, model.stylesheet) : xml
}

const renderRSSDocument = (model: FeedModel): string => {
  const feed = new Feed({
    title: escapeAmpersands(model.title),
    description: escapeAmpersands(model.description),
    link: model.links.html,
    language: model.language,
    // The newest item's change, never the time of rendering (`feed` would stamp `new Date()`).
    updated: model.updated,
    ttl: model.ttlMinutes,
    feedLinks: { rss: model.links.rss },
    docs: 'https://www.rssboard.org/rss-specification',
    generator: false,
  })
  for (const item of model.items) feed.addItem(toRSSItem(item))
  // WebSub §4: the hub as atom:link rel="hub" (Atom's namespace is allowed in RSS 2.0).
  const hub = model.hub === undefined ? [] : [{ rel: 'hub', href: model.hub }]
  const links = [...historyLinks(model.history, 'rss'), ...hub]
  if (links.length === 0) return feed.rss2()
  // RFC 5005 §4: archive links as atom:link. `feed` writes channel extensions last and under
  // their name, so this one repeats the self link it would otherwise replace (and names the hub
  // itself: `feed`'s own `hub` option would be replaced too).
  const self = { rel: 'self', type: 'application/rss+xml', href: model.links.rss }
  feed.addExtension({
    name: 'atom:link',
    // xml-js escapes only `"` in attributes; URLs from `new URL()` hold no `<`, `&` may appear.
    objects: [self, ...links].map((link) => ({
      _attributes: { ...link, href: escapeAmpersands(link.href) },
    })) as unknown as Record<string, unknown>,
  })
  let xml = addRootAttributes(feed.rss2(), 'rss', `xmlns:fh="${FH_NAMESPACE}"`)
  // An extension would land after the items; channel metadata belongs before them.
  if (model.history.isArchive) xml = insertAfterElement(xml, '<atom:link', '\n        <fh:archive/>')
  return xml
}
