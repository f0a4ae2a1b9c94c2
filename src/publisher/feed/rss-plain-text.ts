/**
 * @module
 * Plain text in RSS the way the RSS Best Practices Profile asks (§ "Encoding & and < in plain
 * text", https://www.rssboard.org/rss-profile#data-types-characterdata): in elements that carry
 * plain text, `&` as `&#x26;`, `<` as `&#x3C;` and `>` as `&#x3E;`. The text an XML parser
 * reads is the same, but RSS never said whether a title may hold HTML, and readers that decode
 * HTML entities once more after the XML parser (e.g. @rowanmanning/feed-parser) turn a
 * literal "&amp;" into "&" when it is written `&amp;amp;`: numeric references survive that.
 * The W3C validator warns about the named form (CharacterData).
 */

/**
 * Elements whose text is plain in every RSS document we write: titles, the channel's
 * description, categories, Dublin Core creators and the Media RSS credit and description. (An item's description is HTML and is
 * written as CDATA, which the pattern below cannot match.)
 */
const PLAIN_TEXT = /<(title|description|category|dc:creator|media:credit|media:description)(\s[^>]*)?>([^<]*)<\/\1>/g

/** xml-js writes text with exactly these three named references (see feed-library.ts). */
const HEX: Readonly<Record<string, string>> = { '&amp;': '&#x26;', '&lt;': '&#x3C;', '&gt;': '&#x3E;' }

/** Rewrites `&amp; &lt; &gt;` as hexadecimal references in every plain-text element of an RSS document. */
export const encodePlainTextElements = (xml: string): string =>
  xml.replace(PLAIN_TEXT, (element, name: string, attributes: string | undefined, text: string) =>
    text.includes('&')
      ? `<${name}${attributes ?? ''}>${text.replace(/&(?:amp|lt|gt);/g, (ref) => HEX[ref] ?? ref)}</${name}>`
      : element,
  )
