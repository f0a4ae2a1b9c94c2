/**
 * @module
 * Advice for titles that look like markup: `<b>`, `&amp;`, `&#38;`. We publish them as the
 * literal text they are, encoded as the RSS Best Practices Profile asks (src/feed/rss-plain-text.ts),
 * and every parser we test reads them back exactly; but RSS never said whether titles may hold
 * HTML, some readers still guess they do, and the W3C validator warns ("title should not
 * contain HTML", ContainsHTML). Usually the text is an entity or tag pasted from a CMS by mistake.
 */

import type { Content } from './content.ts'
import type { Problem } from './errors.ts'

/** A start or end tag, comment or declaration, or a named, decimal or hexadecimal character reference. */
const LOOKS_LIKE_MARKUP = /<[a-z/!?]|&(?:[a-z][a-z0-9]*|#[0-9]+|#x[0-9a-f]+);/i

const FIX =
  'write the character itself (& for &amp;) and drop tags; if the text is meant literally, keep it: the feeds encode it.'

const advise = (file: string, field: string, text: string): Problem | undefined => {
  const found = LOOKS_LIKE_MARKUP.exec(text)?.[0]
  if (found === undefined) return undefined
  return {
    file,
    field,
    message: `contains "${found}…", which looks like HTML: readers that take RSS titles for HTML may show it differently.`,
    fix: FIX,
  }
}

/** Titles (site, articles, tags, which title the tag feeds) that will be ambiguous in RSS. */
export const findMarkupAdvice = (content: Content, siteFile: string): Problem[] => {
  const advice = [
    advise(siteFile, 'title', content.site.title),
    advise(siteFile, 'description', content.site.description),
  ]
  for (const article of content.articles) {
    advice.push(advise(article.file, 'title', article.title))
    article.tags.forEach((tag, i) => {
      advice.push(advise(article.file, `tags[${i}]`, tag))
    })
  }
  return advice.filter((item) => item !== undefined)
}
