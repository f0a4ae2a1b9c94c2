/**
 * @module
 * How we hand text to the `feed` library so its serialiser (xml-js) writes it correctly.
 *
 * - Text nodes: xml-js first turns every `&amp;` back into `&`, then escapes `& < >`. Text that
 *   really contains "&amp;" would lose it; escaping `&` first makes the round trip exact:
 *   writeText(escapeAmpersands(x)) === xmlEscape(x).
 * - CDATA: xml-js splits only the first `]]>`. We put only escaped HTML in CDATA, in which `>`
 *   is always `&gt;`, so `]]>` never occurs there.
 * - Attributes: xml-js escapes only `"`; `feed` adds `&`. Values with `<` are rejected at load
 *   (content/load.ts), and URLs reach it percent-encoded by `new URL()`.
 */

/** Pre-escapes `&` for a value `feed` writes as an XML text node. */
export const escapeAmpersands = (text: string): string => text.replaceAll('&', '&amp;')

/**
 * Adds attributes to the root element of the library's output, which it cannot set itself
 * (Atom `xml:lang`, RFC 4287 §2). Throws if the library's output changed shape, rather than
 * publishing a feed without them.
 */
export const addRootAttributes = (xml: string, root: string, attributes: string): string => {
  const open = xml.indexOf(`<${root} `)
  const end = open < 0 ? -1 : xml.indexOf('>', open)
  if (end < 0) throw new Error(`feed library output has no <${root}> element`)
  return `${xml.slice(0, end)} ${attributes}${xml.slice(end)}`
}

/**
 * Inserts XML right after the first element that starts with `marker` (an empty element the
 * library wrote), for what `feed` cannot emit itself. Throws if the marker is missing.
 */
export const insertAfterElement = (xml: string, marker: string, fragment: string): string => {
  const start = xml.indexOf(marker)
  const end = start < 0 ? -1 : xml.indexOf('/>', start)
  if (end < 0) throw new Error(`feed library output has no ${marker}`)
  return `${xml.slice(0, end + 2)}${fragment}${xml.slice(end + 2)}`
}

/**
 * Names a CSS stylesheet for browsers (`<?xml-stylesheet type="text/css"?>`, W3C
 * xml-stylesheet PI), after the XML declaration. `feed` only writes `type="text/xsl"`.
 */
export const addStylesheet = (xml: string, href: string): string => {
  const end = xml.startsWith('<?xml ') ? xml.indexOf('?>') + 2 : -1
  if (end < 2) throw new Error('feed library output has no XML declaration')
  return `${xml.slice(0, end)}\n<?xml-stylesheet type="text/css" href="${href.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"?>${xml.slice(end)}`
}

/**
 * Adds attributes to the n-th occurrence of an element's start tag (e.g. one Atom `<entry>`),
 * for what `feed` cannot set per element. Elements are written in model order.
 */
export const addAttributesToNth = (xml: string, tag: string, attributes: ReadonlyMap<number, string>): string => {
  if (attributes.size === 0) return xml
  let index = -1
  return xml.replaceAll(`<${tag}>`, (open) => {
    index++
    const extra = attributes.get(index)
    return extra === undefined ? open : `<${tag} ${extra}>`
  })
}
