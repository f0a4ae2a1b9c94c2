/**
 * @module
 * A figure inside a feed item's full text (RSS `content:encoded`, Atom `content`, JSON Feed
 * `content_html`): one `<img>` of the JPEG every reader decodes, with its size so the reader
 * reserves the space, and the caption and credit as text. Readers strip `<picture>`/`srcset`
 * inconsistently; pages use the full `<picture>` (src/publisher/pages/picture.tsx).
 */
import { escapeHTML } from './escape.ts'
import { enclosureOf, type Picture } from './picture.ts'

/** `<figure><img …><figcaption>caption <small>credit</small></figcaption></figure>`, every text escaped. */
export const figureHTML = (picture: Picture): string => {
  const image = enclosureOf(picture)
  const caption = picture.caption === undefined ? '' : `${escapeHTML(picture.caption)} `
  return (
    `<figure><img src="${escapeHTML(image.url)}" alt="${escapeHTML(picture.alt)}" ` +
    `width="${image.width}" height="${image.height}"/>` +
    `<figcaption>${caption}<small>${escapeHTML(picture.credit)}</small></figcaption></figure>`
  )
}
