/**
 * @module
 * The normalised model every output is rendered from: absolute URLs, `Date`s and permanent ids,
 * built once from the content by build.ts. Renderers read only this.
 */

export type FeedAuthor = { readonly name: string }

export type FeedItem = {
  /** Permanent `tag:` URI (RFC 4151): identical in every format, independent of host and slug. */
  readonly id: string
  readonly slug: string
  /** Absolute URL of the article's HTML page. */
  readonly url: string
  /** Plain text. */
  readonly title: string
  /** Plain text (the standfirst). */
  readonly summary: string
  /** The place the story was filed from, e.g. "Beijing". */
  readonly dateline: string
  /** Body paragraphs as HTML (dateline first), built by our code from typed content, every text escaped. */
  readonly bodyHTML: string
  /** The full text for feeds: the standfirst as a lead paragraph, then `bodyHTML`. */
  readonly contentHTML: string
  readonly published: Date
  readonly updated: Date
  readonly authors: readonly FeedAuthor[]
  /** Tag names, in the article's order. */
  readonly tags: readonly string[]
  readonly language: string
}

export type FeedLinks = {
  /** Absolute URLs of the three documents; each is also that document's self link. */
  readonly rss: string
  readonly atom: string
  readonly json: string
}

export type FeedModel = {
  /** Permanent `tag:` URI of the feed (Atom `id`). */
  readonly id: string
  readonly title: string
  readonly description: string
  readonly language: string
  /** Absolute URL of the HTML page the feed mirrors. */
  readonly homeURL: string
  readonly links: FeedLinks
  /** Newest `updated` among the items: the feed changes only when an item does. */
  readonly updated: Date
  readonly ttlMinutes: number
  /** Newest first. */
  readonly items: readonly FeedItem[]
}
