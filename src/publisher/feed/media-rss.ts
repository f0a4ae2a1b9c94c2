/**
 * @module
 * The lead picture in the XML feeds: the enclosure every reader knows (RSS 2.0 `<enclosure>`,
 * Atom `link rel="enclosure"`, RFC 4287 §4.2.7.2) and Media RSS (https://www.rssboard.org/media-rss)
 * for readers that read it — Miniflux and SimplePie take `media:thumbnail` first. One JPEG, with
 * its exact byte length (RSS 2.0: "length says how big it is in bytes").
 */
import { escapeHTML } from './escape.ts'
import { escapeAmpersands } from './feed-library.ts'
import { enclosureOf, type Picture, thumbnailOf } from './picture.ts'

export const MEDIA_NAMESPACE = 'http://search.yahoo.com/mrss/'

/** The enclosure variant, which must have its length (the publisher measures it before rendering). */
export const enclosureWithLength = (picture: Picture): { url: string; length: number; type: string } => {
  const variant = enclosureOf(picture)
  if (variant.length === undefined) throw new Error(`no byte length for ${variant.url}`)
  return { url: variant.url, length: variant.length, type: variant.contentType }
}

/** What Media RSS says of the picture; `media:description` is the caption, or the alt text without one. */
const mediaElements = (picture: Picture) => {
  const content = enclosureOf(picture)
  const thumbnail = thumbnailOf(picture)
  return {
    content: {
      url: content.url,
      type: content.contentType,
      medium: 'image',
      width: content.width,
      height: content.height,
      ...(content.length !== undefined && { fileSize: content.length }),
    },
    thumbnail: { url: thumbnail.url, width: thumbnail.width, height: thumbnail.height },
    credit: picture.credit,
    description: picture.caption ?? picture.alt,
  }
}

const attributes = (values: Record<string, string | number>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).map(([name, value]) => [name, escapeAmpersands(String(value))]))

/**
 * Media RSS as `feed` item extensions (RSS only: `feed` 6.0.0 ignores extensions in Atom). xml-js
 * escapes only `"` in attributes and un-escapes `&amp;` in text (feed-library.ts), hence
 * escapeAmpersands on both.
 */
export const mediaRSSExtensions = (picture: Picture): { name: string; objects: Record<string, unknown> }[] => {
  const media = mediaElements(picture)
  return [
    { name: 'media:content', objects: { _attributes: attributes(media.content) } },
    { name: 'media:thumbnail', objects: { _attributes: attributes(media.thumbnail) } },
    { name: 'media:credit', objects: { _text: escapeAmpersands(media.credit) } },
    {
      name: 'media:description',
      objects: { _attributes: { type: 'plain' }, _text: escapeAmpersands(media.description) },
    },
  ]
}

const tag = (name: string, values: Record<string, string | number>): string =>
  `<${name} ${Object.entries(values)
    .map(([attribute, value]) => `${attribute}="${escapeHTML(String(value))}"`)
    .join(' ')}/>`

/** The enclosure link and Media RSS of an Atom entry, as XML to splice in (feed-library.ts appendToNthStart). */
export const atomPictureXML = (picture: Picture): string => {
  const enclosure = enclosureWithLength(picture)
  const media = mediaElements(picture)
  const indent = '\n        '
  return [
    tag('link', { rel: 'enclosure', type: enclosure.type, length: enclosure.length, href: enclosure.url }),
    tag('media:content', media.content),
    tag('media:thumbnail', media.thumbnail),
    `<media:credit>${escapeHTML(media.credit)}</media:credit>`,
    `<media:description type="plain">${escapeHTML(media.description)}</media:description>`,
  ]
    .map((element) => indent + element)
    .join('')
}
