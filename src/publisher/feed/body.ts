/**
 * @module
 * The article's text as HTML and as plain text, from the typed body. Both start with the
 * wire dateline ("BEIJING, September 18. /TASS/.") the way the source prints it.
 */
import { contentDay } from '../../../content/dates.ts'
import type { Article } from '../../../content/load.ts'
import { type Inline, isParagraph } from '../../../content/schema.ts'
import { escapeHTML } from './escape.ts'
import { figureHTML } from './figure-html.ts'
import { MONTH_NAMES } from './month-names.ts'
import { type Picture, type PictureTable, pictureOf } from './picture.ts'

/** "BEIJING, September 18. /TASS/." — place, the local day as written in the content, source. */
export const formatDateline = (article: Pick<Article, 'dateline' | 'published' | 'source'>): string => {
  const [, month, day] = contentDay(article.published).split('-').map(Number) as [number, number, number]
  return `${article.dateline.toUpperCase()}, ${MONTH_NAMES[month - 1]} ${day}. /${article.source}/.`
}

const inlineHTML = (inline: Inline): string =>
  typeof inline === 'string' ? escapeHTML(inline) : `<q>${escapeHTML(inline.quote)}</q>`

const inlineText = (inline: Inline): string => (typeof inline === 'string' ? inline : `"${inline.quote}"`)

/** Body paragraphs as plain text, the dateline opening the first one (figures are not text). */
export const bodyParagraphsText = (article: Article): string[] =>
  article.body.filter(isParagraph).map((paragraph, i) => {
    const text = paragraph.map(inlineText).join('')
    return i === 0 ? `${formatDateline(article)} ${text}` : text
  })

/** Body paragraphs as `<p>` HTML, quotations as `<q>`, every text escaped; figures left out. */
export const bodyParagraphsHTML = (article: Article): string[] =>
  bodyParts(article, undefined).filter((part): part is string => typeof part === 'string')

/** A block of the body: a paragraph as `<p>` HTML (every text escaped), or a published figure. */
export type BodyPart = string | Picture

/**
 * The body in reading order: paragraphs as HTML (the dateline opening the first), and the
 * figures whose files `pictures` has published. Pages render a figure with `<picture>`, feeds
 * with a plain `<img>` (figureHTML).
 */
export const bodyParts = (article: Article, pictures: PictureTable | undefined): BodyPart[] => {
  let paragraphs = 0
  return article.body.flatMap((block): BodyPart[] => {
    if (!isParagraph(block)) {
      const picture = pictureOf(block.figure, pictures)
      return picture ? [picture] : []
    }
    const html = block.map(inlineHTML).join('')
    return [paragraphs++ === 0 ? `<p>${escapeHTML(formatDateline(article))} ${html}</p>` : `<p>${html}</p>`]
  })
}

/** The body as one HTML string for feeds: figures as `<figure><img>` (figure-html.ts). */
export const bodyPartsHTML = (parts: readonly BodyPart[]): string =>
  parts.map((part) => (typeof part === 'string' ? part : figureHTML(part))).join('\n')

/** The full text for feeds: the standfirst as a lead paragraph, then the body. */
export const renderContentHTML = (standfirst: string, bodyHTML: string): string =>
  `<p><strong>${escapeHTML(standfirst)}</strong></p>\n${bodyHTML}`

/**
 * The corrections as paragraphs after the body, so a reader shown the item as updated sees why.
 * Dated by the UTC day (ISO 8601), the same in every reader's locale.
 */
export const correctionsHTML = (corrections: readonly { readonly date: Date; readonly text: string }[]): string =>
  corrections
    .map(({ date, text }) => `\n<p><em>Correction, ${date.toISOString().slice(0, 10)}:</em> ${escapeHTML(text)}</p>`)
    .join('')
