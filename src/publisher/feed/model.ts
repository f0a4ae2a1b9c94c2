/**
 * @module
 * The normalised model every output is rendered from: absolute URLs, `Date`s and permanent ids.
 * build.ts makes one per document (subscription or archive page, whole site or one tag) from
 * the catalog. Renderers read only this.
 */

export type FeedAuthor = { readonly name: string }

export type Tag = {
  /** As the content writes it: the category term in every format. */
  readonly name: string
  /** URL segment, see content/tags.ts. */
  readonly slug: string
}

/** A correction of the item (content/corrections.ts). */
export type Correction = { readonly date: Date; readonly text: string }

/** Another language version of the item: `translationOf` pairs (an hreflang alternate). */
export type Translation = {
  /** BCP 47 tag, as the article gives it. */
  readonly language: string
  /** Absolute URL of its page. */
  readonly url: string
}

import type { BodyPart } from './body.ts'
import type { Picture } from './picture.ts'

export type { BodyPart, Picture }

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
  /** The body in reading order for pages: paragraphs as HTML and figures (pages/picture.tsx). */
  readonly bodyParts: readonly BodyPart[]
  /** The lead picture: every format's enclosure and thumbnail, the pages' first figure. */
  readonly image?: Picture
  readonly published: Date
  readonly updated: Date
  readonly authors: readonly FeedAuthor[]
  readonly tags: readonly Tag[]
  readonly language: string
  /** The item's versions in other languages, in language order (empty for most). */
  readonly translations: readonly Translation[]
  /** Oldest first; the latest (when after the last edit) is `updated`. */
  readonly corrections: readonly Correction[]
}

import type { FormatURLs } from '../../archive/paths.ts'

export type { FormatURLs }

/** RFC 5005 links. On the subscription document only `prevArchive`; on archives all that exist. */
export type FeedHistory = {
  /** This document is an archive page (`fh:archive`). */
  readonly isArchive: boolean
  /** The subscription document (rel="current"), on archive pages. */
  readonly current?: FormatURLs
  /** The next older page (rel="prev-archive"; JSON Feed `next_url`). */
  readonly prevArchive?: FormatURLs
  /** The next newer page (rel="next-archive"). */
  readonly nextArchive?: FormatURLs
}

/** The site icon's absolute URLs (src/publisher/images/icons.ts), for feeds to name. */
export type SiteIcons = {
  /** Square PNG, 32 px: the pages' `<link rel=icon>`. */
  readonly png32: string
  /** Square PNG, 64 px: RSS `<image>` (RSS 2.0: at most 144 × 400), Atom `icon`, JSON Feed `favicon`. */
  readonly png64: string
  /** Square PNG, 512 px: JSON Feed `icon`, Atom `logo`. */
  readonly png512: string
  /** /favicon.ico, for readers that fetch that path whatever the feed says. */
  readonly favicon: string
}

export type FeedModel = {
  /** Permanent `tag:` URI of this document (Atom `id`). */
  readonly id: string
  readonly title: string
  readonly description: string
  readonly language: string
  /** This document in each format (each the self link of its format), and the HTML page it mirrors (home, tag or archive page). */
  readonly links: FormatURLs
  readonly history: FeedHistory
  /** Newest `updated` among the items: the document changes only when an item does. */
  readonly updated: Date
  readonly ttlMinutes: number
  /** Absolute URL of the CSS that shows RSS and Atom to people who open them in a browser. */
  readonly stylesheet?: string
  /**
   * The WebSub hub readers may subscribe at (W3C WebSub §4), on subscription documents only;
   * the topic is this document's self link. Absent: no hub.
   */
  readonly hub?: string
  /** The site icon, when the publisher made one (absent: feeds name none). */
  readonly icons?: SiteIcons
  /** Newest first. */
  readonly items: readonly FeedItem[]
}
