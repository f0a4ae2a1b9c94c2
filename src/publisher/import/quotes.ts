/**
 * @module
 * Quotations in agency text become `{ quote }` runs, our body format (content/schema.ts), the way
 * the seed article marks what TASS puts between double quotes. A quotation is the text between a
 * pair of quotation marks of one style within one paragraph; an opening mark without its closing
 * mark (a quotation running on into the next paragraph, an inch sign) stays text.
 */
import type { Inline } from '../../../content/schema.ts'

/** Opening mark → closing marks (Unicode CLDR delimiters: English, German, French, Russian, CJK…). */
const PAIRS: Readonly<Record<string, string>> = {
  '"': '"',
  '“': '”',
  '„': '“”',
  '«': '»',
  '「': '」',
  '『': '』',
}

/** Before an opening mark: start of text, a space, or an opening bracket or dash. */
const OPENS_AFTER = /[\s([{\u2014\u2013-]/u
/** After a closing mark: end of text, a space, or punctuation. */
const CLOSES_BEFORE = /[\s\p{P}]/u

const closingIndex = (text: string, open: number): number => {
  const opener = text[open] as string
  const closers = PAIRS[opener] as string
  let depth = 0
  for (let i = open + 1; i < text.length; i++) {
    const char = text[i] as string
    // Nested quotations of the same style (« … « … » … »): only where opener and closer differ.
    if (char === opener && !closers.includes(opener)) depth++
    else if (closers.includes(char)) {
      if (depth > 0) depth--
      else if (i + 1 === text.length || CLOSES_BEFORE.test(text[i + 1] as string)) return i
    }
  }
  return -1
}

/** `He said "yes," then left.` → `['He said ', { quote: 'yes,' }, ' then left.']`. */
export const splitQuotations = (text: string): Inline[] => {
  const runs: Inline[] = []
  let start = 0
  for (let i = 0; i < text.length; i++) {
    if (!((text[i] as string) in PAIRS)) continue
    if (i > 0 && !OPENS_AFTER.test(text[i - 1] as string)) continue
    const close = closingIndex(text, i)
    if (close === -1) continue
    const quote = text.slice(i + 1, close).trim()
    if (quote === '') continue
    if (i > start) runs.push(text.slice(start, i))
    runs.push({ quote })
    start = close + 1
    i = close
  }
  if (start < text.length) runs.push(text.slice(start))
  return runs
}
