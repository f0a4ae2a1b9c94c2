/**
 * @module
 * The lead a wire prints before its first sentence: ours ("MOSCOW, December 3. /TASS/.",
 * content/dateline-lead.ts) and AP's ("GROSSETO, Italy (AP) -- "). Pages and feeds print the
 * dateline lead themselves, so an import takes it out of the body (`npm run check` would refuse
 * ours), and keeps its place and source for articles whose document names neither.
 */
import { findDatelineLead } from '../../../content/dateline-lead.ts'
import type { Paragraph } from '../../../content/schema.ts'

export type WireLead = { readonly place: string; readonly source: string }

/** AP style: place in capitals (", State" may follow), the agency in brackets, then a dash. */
const AP_LEAD = /^\s*(\p{Lu}[\p{Lu}\p{M} .'’-]*(?:, [\p{L}\p{M} .'’-]+)?) \(([^()]{1,40})\) ?(?:--|—|–|-) ?/u

const OUR_LEAD = /^\s*([^,]+),.*\/([^/]+)\/\.?\s*$/u

const leadOf = (text: string, language: string): { length: number; lead: WireLead } | undefined => {
  const ours = findDatelineLead(text, language)
  const parts = ours === undefined ? undefined : OUR_LEAD.exec(ours)
  if (ours !== undefined && parts)
    return { length: ours.length, lead: { place: (parts[1] as string).trim(), source: (parts[2] as string).trim() } }
  const ap = AP_LEAD.exec(text)
  if (ap) return { length: ap[0].length, lead: { place: (ap[1] as string).trim(), source: (ap[2] as string).trim() } }
  return undefined
}

/** The first paragraph without its wire lead (or `undefined` if nothing else was in it), and the lead. */
export const stripWireLead = (
  paragraph: Paragraph,
  language: string,
): { readonly paragraph: Paragraph | undefined; readonly lead?: WireLead } => {
  const [first, ...rest] = paragraph
  if (typeof first !== 'string') return { paragraph }
  const found = leadOf(first, language)
  if (!found) return { paragraph }
  const remainder = first.slice(found.length)
  const runs = remainder === '' ? rest : [remainder, ...rest]
  return { paragraph: runs.length > 0 ? runs : undefined, lead: found.lead }
}
