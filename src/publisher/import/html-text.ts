/**
 * @module
 * Agency HTML (ninjs `body_html`, 2.x `bodies[]` of an HTML type) to our body format: paragraphs
 * of plain text and `{ quote }` runs, never markup. parse5 parses it as browsers do (the WHATWG
 * HTML parsing algorithm), so entities are decoded and broken markup is repaired the same way;
 * then only text is kept. Blocks (`<p>`, headings, list items, `<br>`) end paragraphs; `<q>` and
 * `<blockquote>` become quotations; scripts, styles, figures and media are dropped.
 */
import { type DefaultTreeAdapterTypes, parse } from 'parse5'
import type { Inline, Paragraph } from '../../../content/schema.ts'

type Node = DefaultTreeAdapterTypes.Node
type Element = DefaultTreeAdapterTypes.Element

/** Elements whose content is not article text. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'template',
  'noscript',
  'figure',
  'img',
  'picture',
  'video',
  'audio',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'button',
  'form',
  'select',
])

/** Elements that start and end a paragraph (HTML §4 flow content that is not phrasing content). */
const BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tr',
  'td',
  'th',
  'ul',
])

/** HTML's ASCII whitespace (WHATWG Infra), collapsed as a browser renders `white-space: normal`. */
const WHITESPACE = /[ \t\n\f\r]+/g

type Piece = { text: string; quote: boolean }

const isElement = (node: Node): node is Element => 'tagName' in node

const textOf = (node: Node): string => {
  if (node.nodeName === '#text') return (node as DefaultTreeAdapterTypes.TextNode).value
  if (!isElement(node) || SKIPPED.has(node.tagName)) return ''
  return node.childNodes.map(textOf).join(node.tagName === 'br' ? ' ' : '')
}

/** Merges pieces of one kind, collapses whitespace, and trims the paragraph's ends. */
const paragraphOf = (pieces: readonly Piece[]): Paragraph | undefined => {
  const merged: Piece[] = []
  for (const piece of pieces) {
    const last = merged.at(-1)
    if (last && last.quote === piece.quote) last.text += piece.text
    else merged.push({ ...piece })
  }
  const runs: Inline[] = merged.flatMap(({ text, quote }): Inline[] => {
    const value = text.replace(WHITESPACE, ' ')
    if (!quote) return [value]
    // The spaces around a quotation belong to the text, not to the quotation.
    const trimmed = value.trim()
    return trimmed === ''
      ? [value]
      : [...(/^ /.test(value) ? [' '] : []), { quote: trimmed }, ...(/ $/.test(value) ? [' '] : [])]
  })
  const joined: Inline[] = []
  for (const run of runs) {
    const last = joined.at(-1)
    if (typeof run === 'string' && typeof last === 'string')
      joined[joined.length - 1] = (last + run).replace(/ {2,}/g, ' ')
    else joined.push(run)
  }
  const first = joined[0]
  if (typeof first === 'string') joined[0] = first.trimStart()
  const last = joined.at(-1)
  if (typeof last === 'string') joined[joined.length - 1] = last.trimEnd()
  const kept = joined.filter((run) => run !== '')
  return kept.length > 0 ? kept : undefined
}

/** The paragraphs of an HTML document or fragment, in document order. */
export const htmlParagraphs = (html: string): Paragraph[] => {
  const paragraphs: Paragraph[] = []
  let pieces: Piece[] = []
  const flush = () => {
    const paragraph = paragraphOf(pieces)
    if (paragraph) paragraphs.push(paragraph)
    pieces = []
  }
  const walk = (node: Node, inQuote: boolean): void => {
    if (node.nodeName === '#text') {
      pieces.push({ text: (node as DefaultTreeAdapterTypes.TextNode).value, quote: inQuote })
      return
    }
    if (!isElement(node)) return
    const name = node.tagName
    if (SKIPPED.has(name)) return
    if (name === 'br') {
      flush()
      return
    }
    if (name === 'q' && !inQuote) {
      pieces.push({ text: textOf(node), quote: true })
      return
    }
    const block = BLOCKS.has(name)
    if (block) flush()
    for (const child of node.childNodes) walk(child, inQuote || name === 'blockquote')
    if (block) flush()
  }
  // A fragment is parsed as the body of a document, as `innerHTML` is.
  for (const child of parse(html).childNodes) walk(child, false)
  flush()
  return paragraphs
}

/** One line of plain text from HTML (a description, a headline): markup dropped, entities decoded. */
export const htmlLine = (html: string): string =>
  htmlParagraphs(html)
    .map((paragraph) => paragraph.map((run) => (typeof run === 'string' ? run : `"${run.quote}"`)).join(''))
    .join(' ')
