/**
 * @module
 * Text in Unicode Normalization Form C (UAX #15), before anything is checked: "Égypte" typed
 * with U+00C9 and "Égypte" typed as E + U+0301 are the same name, so they must be the same tag,
 * compare equal everywhere and be published as the same bytes (W3C Character Model §2.2,
 * "Normalization", recommends NFC for content on the Web).
 */
import type { ArticleInput, ImageInput, Inline, SiteInput } from './schema.ts'

/**
 * Every code point below U+0300 is unchanged by NFC (the first combining mark is U+0300), so
 * most text is never handed to the normaliser: this runs over every run of every article at
 * load, which must stay cheap (BENCHMARKS.md). Surrogates (astral characters) are in the range.
 */
const MAY_CHANGE = /[\u0300-\uFFFF]/

const isNFC = (value: unknown): boolean =>
  typeof value !== 'string' || !MAY_CHANGE.test(value) || value.normalize('NFC') === value

/** `value` in NFC if it is a string; anything else is left for the checks to report. */
export const nfc = <T>(value: T): T => (isNFC(value) ? value : ((value as string).normalize('NFC') as T))

const inlineText = (inline: unknown): unknown =>
  typeof inline === 'object' && inline !== null ? (inline as { quote?: unknown }).quote : inline

const nfcInline = (inline: Inline): Inline =>
  typeof inline === 'object' && inline !== null ? { ...inline, quote: nfc(inline.quote) } : nfc(inline)

/** Maps an array; anything else (a wrong type the checks will report) is kept as it is. */
const nfcArray = <T>(value: T, each: (item: unknown) => unknown): T =>
  (Array.isArray(value) ? (value as unknown[]).map(each) : value) as T

const every = (value: unknown, test: (item: unknown) => boolean): boolean => !Array.isArray(value) || value.every(test)

const correctionText = (correction: unknown): unknown =>
  typeof correction === 'object' && correction !== null ? (correction as { text?: unknown }).text : undefined

const nfcCorrection = (correction: unknown): unknown =>
  typeof correction === 'object' && correction !== null
    ? { ...correction, text: nfc((correction as { text?: unknown }).text) }
    : correction

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The texts of a picture (`src` too: a path typed with a combining accent names the same file). */
const IMAGE_TEXTS = ['src', 'alt', 'caption', 'credit'] as const

const isNFCImage = (image: unknown): boolean => !isRecord(image) || IMAGE_TEXTS.every((key) => isNFC(image[key]))

const nfcImage = (image: unknown): unknown => {
  if (!isRecord(image) || isNFCImage(image)) return image
  const copy: Record<string, unknown> = { ...image }
  for (const key of IMAGE_TEXTS) if (key in copy) copy[key] = nfc(copy[key])
  return copy
}

/** A paragraph's runs, or a figure's picture (anything else is left for the checks). */
const isNFCBlock = (block: unknown): boolean =>
  isRecord(block) ? isNFCImage(block.figure) : every(block, (inline) => isNFC(inlineText(inline)))

const nfcBlock = (block: unknown): unknown =>
  isRecord(block)
    ? 'figure' in block
      ? { ...block, figure: nfcImage(block.figure) }
      : block
    : nfcArray(block, (inline) => nfcInline(inline as Inline))

/** True when no text of the article changes under NFC: the usual case, which copies nothing. */
const isNFCArticle = (article: ArticleInput): boolean =>
  isNFC(article.title) &&
  isNFC(article.standfirst) &&
  isNFC(article.dateline) &&
  isNFC(article.source) &&
  every(article.tags, isNFC) &&
  isNFCImage(article.image) &&
  every(article.body, isNFCBlock) &&
  every(article.corrections, (correction) => isNFC(correctionText(correction)))

/** The article with every text field in NFC; fields of the wrong type are kept as they are. */
export const normalizeArticle = (article: ArticleInput): ArticleInput => {
  if (typeof article !== 'object' || article === null || isNFCArticle(article)) return article
  return {
    ...article,
    title: nfc(article.title),
    standfirst: nfc(article.standfirst),
    dateline: nfc(article.dateline),
    source: nfc(article.source),
    tags: nfcArray(article.tags, nfc),
    ...(article.image === undefined ? {} : { image: nfcImage(article.image) as ImageInput }),
    body: nfcArray(article.body, nfcBlock),
    ...(article.corrections !== undefined && { corrections: nfcArray(article.corrections, nfcCorrection) }),
  }
}

/** The site with every text field in NFC. */
export const normalizeSite = (site: SiteInput): SiteInput =>
  typeof site !== 'object' || site === null
    ? site
    : { ...site, title: nfc(site.title), description: nfc(site.description), publisher: nfc(site.publisher) }
