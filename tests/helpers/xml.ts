/**
 * A strict XML 1.0 parse (saxes: well-formedness errors, undeclared entities and forbidden
 * characters all throw) into a small element tree for XPath-like assertions.
 */
import { SaxesParser } from 'saxes'

export type XMLElement = {
  readonly name: string
  readonly uri: string
  readonly attributes: Readonly<Record<string, string>>
  readonly children: XMLElement[]
  text: string
}

export type XMLDocument = {
  readonly root: XMLElement
  readonly processingInstructions: { target: string; body: string }[]
}

export const parseXMLStrict = (xml: string): XMLDocument => {
  const parser = new SaxesParser({ xmlns: true, position: true })
  const stack: XMLElement[] = []
  let root: XMLElement | undefined
  const processingInstructions: { target: string; body: string }[] = []
  parser.on('error', (error) => {
    throw error
  })
  parser.on('processinginstruction', (pi) => processingInstructions.push({ target: pi.target, body: pi.body }))
  parser.on('opentag', (tag) => {
    const attributes: Record<string, string> = {}
    for (const [name, attribute] of Object.entries(tag.attributes)) attributes[name] = attribute.value
    const element: XMLElement = { name: tag.name, uri: tag.uri ?? '', attributes, children: [], text: '' }
    stack.at(-1)?.children.push(element)
    root ??= element
    stack.push(element)
  })
  const addText = (text: string) => {
    const current = stack.at(-1)
    if (current) current.text += text
  }
  parser.on('text', addText)
  parser.on('cdata', addText)
  parser.on('closetag', () => stack.pop())
  parser.write(xml).close()
  if (!root) throw new Error('no root element')
  return { root, processingInstructions }
}

/** Children with this qualified name (e.g. "item", "atom:link"). */
export const children = (element: XMLElement, name: string): XMLElement[] =>
  element.children.filter((child) => child.name === name)

/** The only child with this name; throws when there is none or more than one. */
export const only = (element: XMLElement, name: string): XMLElement => {
  const found = children(element, name)
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${element.name}>, found ${found.length}`)
  return found[0] as XMLElement
}
