/**
 * @module
 * The shape of our content: what an article file and the site file may contain.
 * `defineArticle()` and `defineSite()` give authors types and editor completion; the values are
 * checked, with the file and field named, by `npm run check` and `npm run publish` (content/load.ts).
 */

/** A run of text the article quotes; rendered as `<q>` in HTML and between `"` in plain text. */
export type Quote = { readonly quote: string }

/** Plain text or a quotation. Text is never HTML: our renderers escape it. */
export type Inline = string | Quote

/** A paragraph is a sequence of inline runs, joined without separators. */
export type Paragraph = readonly Inline[]

/**
 * A picture: a file under content/media/ (any sub-folders), described for readers who cannot see
 * it. Every text is plain text, never HTML: renderers escape it. The file itself is checked by the
 * builder (src/publisher/images/check.ts); content/ only checks the fields.
 */
export type ImageInput = {
  /** Path under content/media/, e.g. "2026/12/harbour.jpg": JPEG, PNG, WebP or AVIF (no SVG). */
  readonly src: string
  /** What the picture shows, for screen readers and when it does not load. Required. */
  readonly alt: string
  /** What it shows in context, printed under it; optional. */
  readonly caption?: string
  /** Who took or supplied it, e.g. "Photo: Ivan Petrov / TASS". Required. */
  readonly credit: string
}

/** A picture between paragraphs. */
export type Figure = { readonly figure: ImageInput }

/** One block of the body: a paragraph or a figure. */
export type Block = Paragraph | Figure

/** True for a paragraph (an array of runs), false for a figure. */
export const isParagraph = (block: Block): block is Paragraph => Array.isArray(block)

/**
 * A date as the source gives it: a calendar day `YYYY-MM-DD` (the wire gave no time of day;
 * it stands for 00:00:00 UTC of that day), or an RFC 3339 date-time with its offset.
 */
export type ContentDate = string

/** A correction published with the article: what was wrong and when it was put right. */
export type Correction = {
  /** When the correction was made: on or after `published`, never in the future. */
  readonly date: ContentDate
  /** What was corrected, plain text on one line, e.g. "An earlier version misstated the date of the talks." */
  readonly text: string
}

export type ArticleInput = {
  /** Permanent key of the article: lower-case letters, digits and hyphens. Never change it. */
  readonly id: string
  /** The headline, plain text on one line. */
  readonly title: string
  /** The line under the headline, plain text on one line; also the feeds' summary. */
  readonly standfirst: string
  /** The place the story was filed from, e.g. "Beijing". */
  readonly dateline: string
  /** Who wrote or supplied the article (a news agency or a byline), credited as author. */
  readonly source: string
  readonly published: ContentDate
  /** Last significant change; omit when the article was never revised. */
  readonly updated?: ContentDate
  /** BCP 47 language tag; defaults to the site's language. */
  readonly language?: string
  /**
   * The `id` of the article this one translates (in another language). Both pages, feeds and the
   * sitemap then link the pair with `hreflang` alternates.
   */
  readonly translationOf?: string
  /** Corrections, oldest first: shown under the article; the latest dates the article's `updated`. */
  readonly corrections?: readonly Correction[]
  readonly tags: readonly string[]
  /** The lead picture, shown above the text and as the article's thumbnail in feeds. */
  readonly image?: ImageInput
  /** Paragraphs, with figures between them. */
  readonly body: readonly Block[]
}

export type SiteInput = {
  readonly title: string
  readonly description: string
  /** BCP 47 language tag of the site and the feeds, e.g. "en". */
  readonly language: string
  /** Publisher name shown on pages. */
  readonly publisher: string
  /**
   * RFC 4151 tagging entity: a domain name the publisher controls on `idDate`. Every permanent
   * id is `tag:<idAuthority>,<idDate>:…`; changing either duplicates every item in every reader.
   */
  readonly idAuthority: string
  /** RFC 4151 date (YYYY, YYYY-MM or YYYY-MM-DD) on which `idAuthority` was held. */
  readonly idDate: string
  /** RSS `<ttl>`: minutes a reader may cache the feed before polling again. */
  readonly ttlMinutes: number
  /** How many of the newest articles each subscription feed carries (default 50). */
  readonly feedSize?: number
  /**
   * Articles per archive document (RFC 5005 §4; default 50). Pages are cut from the oldest
   * article up, so a full page never changes; changing this number re-cuts every page.
   */
  readonly archivePageSize?: number
}

export const DEFAULT_FEED_SIZE = 50
export const DEFAULT_ARCHIVE_PAGE_SIZE = 50

/** Types an article file's default export. Checked by `npm run check` and `npm run publish`. */
export const defineArticle = (article: ArticleInput): ArticleInput => article

/** Types the site file's default export. Checked by `npm run check` and `npm run publish`. */
export const defineSite = (site: SiteInput): SiteInput => site
