/**
 * @module
 * How we hand text to the `feed` library so its serialiser (xml-js) writes it correctly, and the
 * string splices for what it cannot write. Written against `feed` 6.0.0 on xml-js 1.6.11; every
 * behaviour worked around here is pinned by a test in tests/feed-library.test.ts, named below,
 * which fails when an upgrade changes it: re-check the workaround then. Upstream state as of
 * 2026-11-27.
 *
 * - Text nodes: xml-js first turns every `&amp;` back into `&`, then escapes `& < >`. Text that
 *   really contains "&amp;" would lose it; escaping `&` first makes the round trip exact:
 *   writeText(escapeAmpersands(x)) === xmlEscape(x). The un-escaping came with xml-js 1.4.0 as
 *   the fix for https://github.com/nashwaan/xml-js/issues/26 (still open). Pinned by 'writes
 *   "&amp;" in a text node as "&amp;", losing the literal text "&amp;" (xml-js)'.
 * - CDATA: xml-js splits only the first `]]>` (https://github.com/nashwaan/xml-js/pull/93 uses
 *   `String#replace` with a string); no upstream issue for the second one. We put only escaped
 *   HTML in CDATA, in which `>` is always `&gt;`, so `]]>` never occurs there. Pinned by 'splits
 *   only the first "]]>" in CDATA, so a second one ends the section (xml-js)'.
 * - Attributes: xml-js escapes only `"` (https://github.com/nashwaan/xml-js/issues/69, open);
 *   `feed` adds `&` for URLs and, since 6.0.0, Atom category terms
 *   (https://github.com/jpmonette/feed/pull/249). Values with `<` are rejected at load
 *   (content/load.ts), and URLs reach it percent-encoded by `new URL()`. Pinned by 'escapes only
 *   `"` in attribute values it does not sanitise itself (xml-js)' and 'escapes "&" in Atom
 *   category terms itself'.
 */

/** Pre-escapes `&` for a value `feed` writes as an XML text node. */
export const escapeAmpersands = (text: string): string => text.replaceAll('&', '&amp;')

/**
 * Adds attributes to the root element of the library's output, which it cannot set itself:
 * Atom `xml:lang` (RFC 4287 §2; https://github.com/jpmonette/feed/issues/196, open, and the open
 * PR https://github.com/jpmonette/feed/pull/226) and namespace declarations such as `xmlns:fh`
 * (no API for them; https://github.com/jpmonette/feed/issues/88, closed). Pinned by 'writes no
 * xml:lang in Atom, even given a language' and 'ignores extensions in Atom, and cannot declare a
 * namespace in either format'. Throws if the library's output changed shape, rather than
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
 * library wrote), for what `feed` cannot emit itself: RFC 5005 archive links and `fh:archive`.
 * `feed` 6.0.0 ignores extensions in Atom and writes new RSS channel extensions after the items;
 * RFC 5005 links were proposed in https://github.com/jpmonette/feed/pull/30 (closed). Pinned by
 * 'ignores extensions in Atom, and cannot declare a namespace in either format' and 'writes a new
 * RSS channel extension after the items, and one named atom:link in place of its own'. Throws if
 * the marker is missing.
 */
export const insertAfterElement = (xml: string, marker: string, fragment: string): string => {
  const start = xml.indexOf(marker)
  const end = start < 0 ? -1 : xml.indexOf('/>', start)
  if (end < 0) throw new Error(`feed library output has no ${marker}`)
  return `${xml.slice(0, end + 2)}${fragment}${xml.slice(end + 2)}`
}

/**
 * Names a CSS stylesheet for browsers (`<?xml-stylesheet type="text/css"?>`, W3C
 * xml-stylesheet PI), after the XML declaration. `feed` 6.0.0 only writes `type="text/xsl"`
 * (its `stylesheet` option, https://github.com/jpmonette/feed/pull/216); no upstream issue asks
 * for CSS as of 2026-11-27. Pinned by 'writes the stylesheet instruction only with
 * type="text/xsl"'.
 */
export const addStylesheet = (xml: string, href: string): string => {
  const end = xml.startsWith('<?xml ') ? xml.indexOf('?>') + 2 : -1
  if (end < 2) throw new Error('feed library output has no XML declaration')
  return `${xml.slice(0, end)}\n<?xml-stylesheet type="text/css" href="${href.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"?>${xml.slice(end)}`
}

/**
 * Adds attributes to the n-th occurrence of an element's start tag (e.g. one Atom `<entry>`),
 * for what `feed` cannot set per element: an entry's own `xml:lang`, which `feed` 6.0.0 lacks
 * (https://github.com/jpmonette/feed/issues/196; the open PR
 * https://github.com/jpmonette/feed/pull/226 would add it). Elements are written in model order.
 * Matches only a bare `<tag>`: if `feed` starts writing attributes there, nothing is added, and
 * tests/renderers.test.ts 'marks an entry in another language with its own xml:lang, and only
 * that one' fails.
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

/**
 * Inserts XML right after the n-th start tag of an element (with or without attributes), for
 * children `feed` cannot write: an Atom entry's hreflang alternates (RFC 4287 §4.2.7.4; entry
 * children are unordered, §4.1.2). Elements are written in model order.
 */
export const appendToNthStart = (xml: string, tag: string, fragments: ReadonlyMap<number, string>): string => {
  if (fragments.size === 0) return xml
  let index = -1
  return xml.replace(new RegExp(`<${tag}(?:\\s[^>]*)?>`, 'g'), (open) => {
    index++
    return open + (fragments.get(index) ?? '')
  })
}

/**
 * Inserts XML right before the first `marker` (a closing tag the library wrote), for children it
 * cannot write: RSS `<image>` `<width>`/`<height>`. Throws if the marker is missing.
 */
export const insertBeforeFirst = (xml: string, marker: string, fragment: string): string => {
  const at = xml.indexOf(marker)
  if (at < 0) throw new Error(`feed library output has no ${marker}`)
  return `${xml.slice(0, at)}${fragment}${xml.slice(at)}`
}

/**
 * Gives the Atom self link its type (RFC 4287 §4.1.1: a link's type says what a reader will get
 * there). `feed` 6.0.0 writes it untyped; no upstream issue as of 2026-11-27. Pinned by 'writes the
 * Atom self link as <link rel="self" href=…/>, without a type'. Throws if the library's output
 * changed shape, rather than publishing a feed without it.
 */
export const typeAtomSelfLink = (xml: string): string => {
  const untyped = '<link rel="self" href='
  if (!xml.includes(untyped)) throw new Error('feed library output has no untyped Atom self link')
  return xml.replace(untyped, '<link rel="self" type="application/atom+xml" href=')
}
