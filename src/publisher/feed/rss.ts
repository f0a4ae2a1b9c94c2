/**
 * @module
 * RSS 2.0 (https://www.rssboard.org/rss-specification), written by the `feed` library (6.0.0)
 * with the choices its defaults get wrong made explicit here. Each workaround names its upstream
 * issue and the test in tests/feed-library.test.ts that pins the library behaviour (upstream
 * state as of 2026-11-27).
 */
import { Feed } from 'feed'
import { escapeHTML } from './escape.ts'
import {
  addRootAttributes,
  addStylesheet,
  escapeAmpersands,
  insertAfterElement,
  insertBeforeFirst,
} from './feed-library.ts'
import { FH_NAMESPACE, historyLinks } from './history-links.ts'
import { enclosureWithLength, MEDIA_NAMESPACE, mediaRSSExtensions } from './media-rss.ts'
import type { FeedItem, FeedModel } from './model.ts'
import { encodePlainTextElements } from './rss-plain-text.ts'

const toRSSItem = (item: FeedItem, feedLanguage: string) => ({
  // Plain-text title without CDATA (RSS Profile: titles are character data), passed as an
  // extension because `feed` wraps `title` in CDATA, where a second `]]>` would also end the
  // section (see feed-library.ts). An empty `title` makes it skip its own. No upstream issue
  // for titles; https://github.com/jpmonette/feed/issues/166 (closed) asked to bypass CDATA for
  // descriptions. Pinned by 'wraps RSS item titles in CDATA, and writes none for an empty title'.
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
  // One enclosure (RSS 2.0 allows one per item): the lead's JPEG with its exact length. `feed`
  // derives `type` from the URL's extension ("image/jpg", not a registered type); our own
  // `type` replaces it in RSS (its enclosure object is spread after). Pinned by 'derives an
  // enclosure type from the URL extension, which an RSS enclosure's own type replaces'.
  ...(item.image !== undefined && { enclosure: enclosureWithLength(item.image) }),
  // Text nodes, here and below: see escapeAmpersands.
  category: item.tags.map((tag) => ({ name: escapeAmpersands(tag.name) })),
  extensions: [
    { name: 'title', objects: { _text: escapeAmpersands(item.title) } },
    // <author> must be an e-mail address; a name is a Dublin Core creator (RSS Profile).
    // `feed` writes a bare name as <author> (https://github.com/jpmonette/feed/pull/220);
    // https://github.com/jpmonette/feed/issues/241 (open) asks for dc:creator. Pinned by 'writes
    // an RSS <author> from a bare name, where RSS wants an e-mail address'. It declares xmlns:dc
    // only when an item has content, as ours always do: pinned by 'declares xmlns:dc only when
    // an item has content'.
    // xml-js writes an array as repeated elements: one <dc:creator> per author.
    {
      name: 'dc:creator',
      objects: item.authors.map((author) => ({ _text: escapeAmpersands(author.name) })) as unknown as Record<
        string,
        unknown
      >,
    },
    // RSS 2.0 has no item language; Dublin Core's (dc:language, RFC 5646 tags) is the one the RSS
    // Profile's namespace allows, written only where the item's differs from the channel's.
    ...(item.language === feedLanguage ? [] : [{ name: 'dc:language', objects: { _text: item.language } }]),
    ...(item.image === undefined ? [] : mediaRSSExtensions(item.image)),
  ],
})

/** Renders the model as an RSS 2.0 document. Same model, same bytes. */
export const renderRSS = (model: FeedModel): string => {
  let xml = encodePlainTextElements(renderRSSDocument(model))
  // `feed` cannot declare a namespace (see addRootAttributes).
  if (model.items.some((item) => item.image !== undefined))
    xml = addRootAttributes(xml, 'rss', `xmlns:media="${MEDIA_NAMESPACE}"`)
  // RSS 2.0 <image>: without <width>/<height> a reader assumes 88 × 31; `feed` writes neither.
  // No upstream issue as of 2026-12-03. Pinned by 'writes an RSS channel <image> with title, url
  // and link only'.
  if (model.icons)
    xml = insertBeforeFirst(xml, '</image>', '    <width>64</width>\n            <height>64</height>\n        ')
  return model.stylesheet ? addStylesheet(xml, model.stylesheet) : xml
}

const renderRSSDocument = (model: FeedModel): string => {
  const feed = new Feed({
    // Text nodes: see escapeAmpersands.
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
    // RSS 2.0 <image> (at most 144 × 400): the 64 px icon; `feed` titles and links it as the channel.
    ...(model.icons !== undefined && { image: model.icons.png64 }),
  })
  for (const item of model.items) feed.addItem(toRSSItem(item, model.language))
  // WebSub §4: the hub as atom:link rel="hub" (Atom's namespace is allowed in RSS 2.0).
  const hub = model.hub === undefined ? [] : [{ rel: 'hub', href: model.hub }]
  const links = [...historyLinks(model.history, 'rss'), ...hub]
  if (links.length === 0) return feed.rss2()
  // RFC 5005 §4: archive links (and WebSub §4: the hub) as atom:link. `feed` sets each channel
  // extension under its name: one named atom:link replaces its own self link in place, so this one
  // repeats it, and names the hub itself (`feed`'s own `hub` option would be replaced too). It has
  // no way to add links (https://github.com/jpmonette/feed/pull/235 allowed only its self and hub
  // links); no upstream issue as of 2026-11-27. Pinned by 'writes a new RSS channel extension
  // after the items, and one named atom:link in place of its own'.
  const self = { rel: 'self', type: 'application/rss+xml', href: model.links.rss }
  feed.addExtension({
    name: 'atom:link',
    // xml-js escapes only `"` in attributes (https://github.com/nashwaan/xml-js/issues/69);
    // URLs from `new URL()` hold no `<`, `&` may appear.
    objects: [self, ...links].map((link) => ({
      _attributes: { ...link, href: escapeAmpersands(link.href) },
    })) as unknown as Record<string, unknown>,
  })
  // `feed` cannot declare a namespace (see addRootAttributes).
  let xml = addRootAttributes(feed.rss2(), 'rss', `xmlns:fh="${FH_NAMESPACE}"`)
  // An extension would land after the items; channel metadata belongs before them (see
  // insertAfterElement).
  if (model.history.isArchive) xml = insertAfterElement(xml, '<atom:link', '\n        <fh:archive/>')
  return xml
}
