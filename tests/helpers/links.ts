/**
 * @module
 * Every URL a published document points at, found with real parsers: parse5 (the WHATWG HTML
 * parser) for pages, saxes for XML feeds and sitemaps, JSON.parse for JSON Feed.
 */
import type { DefaultTreeAdapterMap } from 'parse5'
import { parse } from 'parse5'
import { SaxesParser } from 'saxes'

type Node = DefaultTreeAdapterMap['node']

/** Attributes that name another resource (HTML Living Standard, "links" and embedded content). */
const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'poster'])

/** Absolute http(s) URLs inside a text (feeds name their links in full). */
const urlsIn = (text: string): string[] => text.match(/https?:\/\/[^\s"'<>]+/g) ?? []

/** href/src/… of every element of an HTML page, as written (relative or absolute). */
export const htmlLinks = (html: string): string[] => {
  const found: string[] = []
  const visit = (node: Node): void => {
    if ('attrs' in node)
      for (const { name, value } of node.attrs) if (URL_ATTRIBUTES.has(name) && value !== '') found.push(value)
    if ('content' in node) visit(node.content as Node)
    if ('childNodes' in node) for (const child of node.childNodes) visit(child)
  }
  visit(parse(html))
  return found
}

/** Every URL in an XML document: in attributes, text, CDATA, and the xml-stylesheet href. */
export const xmlLinks = (xml: string): string[] => {
  const found: string[] = []
  const parser = new SaxesParser()
  parser.on('opentag', (tag) => {
    for (const value of Object.values(tag.attributes)) found.push(...urlsIn(String(value)))
    const href = tag.attributes.href
    if (typeof href === 'string' && href.startsWith('/')) found.push(href)
  })
  parser.on('text', (text) => found.push(...urlsIn(text)))
  parser.on('cdata', (text) => found.push(...urlsIn(text)))
  parser.on('processinginstruction', ({ target, body }) => {
    const href = /href="([^"]+)"/.exec(body)?.[1]
    if (target === 'xml-stylesheet' && href) found.push(href)
  })
  parser.write(xml).close()
  return found
}

/** Every URL among the string values of a JSON document. */
export const jsonLinks = (json: string): string[] => {
  const found: string[] = []
  const visit = (value: unknown): void => {
    if (typeof value === 'string') found.push(...urlsIn(value))
    else if (Array.isArray(value)) for (const item of value) visit(item)
    else if (value !== null && typeof value === 'object') for (const item of Object.values(value)) visit(item)
  }
  visit(JSON.parse(json))
  return found
}

/** The links of a stored document by its Content-Type; none for types that hold no links. */
export const linksOf = (body: string, contentType: string): string[] => {
  if (contentType.startsWith('text/html')) return htmlLinks(body)
  if (/[/+]xml\b/.test(contentType)) return xmlLinks(body)
  if (/[/+]json\b/.test(contentType)) return jsonLinks(body)
  if (contentType.startsWith('text/plain')) return urlsIn(body)
  return []
}
