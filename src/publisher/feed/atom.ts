/**
 * @module
 * Atom 1.0 (RFC 4287), written by the `feed` library (6.0.0) with the choices its defaults get
 * wrong made explicit here. Each workaround names its upstream issue and the test in
 * tests/feed-library.test.ts that pins the library behaviour (upstream state as of 2026-11-27).
 */
import { Feed } from 'feed'
import { escapeHTML } from './escape.ts'
import {
  addAttributesToNth,
  addRootAttributes,
  addStylesheet,
  appendToNthStart,
  escapeAmpersands,
  insertAfterElement,
  typeAtomSelfLink,
} from './feed-library.ts'
import { FH_NAMESPACE, historyLinks } from './history-links.ts'
import { atomPictureXML, MEDIA_NAMESPACE } from './media-rss.ts'
import type { FeedItem, FeedModel } from './model.ts'

const toAtomEntry = (item: FeedItem) => ({
  // `feed` always writes entry titles and summaries as type="html" (RFC 4287 §3.1.1.2), so the
  // plain text goes in escaped: readers decode it back to exactly our text, never to markup.
  // https://github.com/jpmonette/feed/issues/192 (open) asks for type="text". Pinned by 'writes
  // Atom entry titles and summaries as type="html" only'. Escaped, it holds no `]]>` for CDATA.
  title: escapeHTML(item.title),
  description: escapeHTML(item.summary),
  content: item.contentHTML,
  link: item.url,
  id: item.id,
  date: item.updated,
  published: item.published,
  // A text node: xml-js would turn "&amp;" into "&" (see escapeAmpersands).
  author: item.authors.map((author) => ({ name: escapeAmpersands(author.name) })),
  // §4.2.2: `term` is required; `feed` escapes `&` in it itself since 6.0.0
  // (https://github.com/jpmonette/feed/pull/249). Pinned by 'escapes "&" in Atom category terms itself'.
  category: item.tags.map((tag) => ({ term: tag.name })),
})

/** Renders the model as an Atom 1.0 document. Same model, same bytes. */
export const renderAtom = (model: FeedModel): string => {
  const xml = renderAtomDocument(model)
  return model.stylesheet ? addStylesheet(xml, model.stylesheet) : xml
}

const renderAtomDocument = (model: FeedModel): string => {
  const feed = new Feed({
    id: model.id,
    // Text nodes: see escapeAmpersands.
    title: escapeAmpersands(model.title),
    description: escapeAmpersands(model.description),
    link: model.links.html,
    // §4.2.15: the last significant change, never the time of rendering.
    updated: model.updated,
    feedLinks: { atom: model.links.atom },
    // WebSub §4: <link rel="hub">, written by `feed` right after the self link.
    hub: model.hub,
    generator: false,
    // §4.2.5 icon (square, small) and §4.2.14 logo (2:1 suggested; readers take a square one):
    // written by `feed` as <icon> and <logo>. Pinned by 'writes Atom <icon> from `favicon` and <logo> from `image`'.
    ...(model.icons !== undefined && { favicon: model.icons.png64, image: model.icons.png512 }),
  })
  for (const item of model.items) feed.addItem(toAtomEntry(item))
  // §2: xml:lang on the root, and on entries in another language; `feed` has no option for
  // either (https://github.com/jpmonette/feed/issues/196, see addRootAttributes). Language tags
  // were checked at load.
  const entryLanguages = new Map(
    model.items.flatMap((item, i) =>
      item.language === model.language ? [] : [[i, `xml:lang="${escapeHTML(item.language)}"`] as const],
    ),
  )
  // The lead picture: link rel="enclosure" with its type and length, and Media RSS. `feed` would
  // write the enclosure typed from the URL's extension ("image/jpg") and ignores extensions in
  // Atom, so both are spliced in. Pinned by 'derives an enclosure type from the URL extension,
  // which an RSS enclosure's own type replaces'.
  const entryPictures = new Map(
    model.items.flatMap((item, i) => (item.image === undefined ? [] : [[i, atomPictureXML(item.image)] as const])),
  )
  // §4.2.7.4: a translation as another alternate link, told apart by hreflang (§4.1.1: at most
  // one alternate per type and hreflang; the entry's own link has none). `feed` writes one link
  // per entry (no upstream issue as of 2026-12-03).
  const entryTranslations = new Map(
    model.items.flatMap((item, i) =>
      item.translations.length === 0
        ? []
        : [
            [
              i,
              item.translations
                .map(
                  ({ language, url }) =>
                    `\n        <link rel="alternate" type="text/html" hreflang="${escapeHTML(language)}" href="${escapeHTML(url)}"/>`,
                )
                .join(''),
            ] as const,
          ],
    ),
  )
  const withTranslations = appendToNthStart(
    addAttributesToNth(feed.atom1(), 'entry', entryLanguages),
    'entry',
    entryTranslations,
  )
  const withLanguages =
    entryPictures.size === 0
      ? withTranslations
      : addRootAttributes(
          appendToNthStart(withTranslations, 'entry', entryPictures),
          'feed',
          `xmlns:media="${MEDIA_NAMESPACE}"`,
        )
  // §4.1.1: the self link typed (see typeAtomSelfLink).
  const xml = typeAtomSelfLink(addRootAttributes(withLanguages, 'feed', `xml:lang="${escapeHTML(model.language)}"`))
  const links = historyLinks(model.history, 'atom')
  if (links.length === 0) return xml
  // RFC 5005 §4: archive links next to the self link, and fh:archive on archive pages; `feed`
  // ignores extensions in Atom (see insertAfterElement).
  const fragment = [
    ...links.map(({ rel, href }) => `\n    <link rel="${rel}" href="${escapeHTML(href)}"/>`),
    ...(model.history.isArchive ? ['\n    <fh:archive/>'] : []),
  ].join('')
  return addRootAttributes(insertAfterElement(xml, '<link rel="self"', fragment), 'feed', `xmlns:fh="${FH_NAMESPACE}"`)
}
