/** @module The archive's index in D1 (migrations/): one row per document, one per article and one per scope. */

/** A document's row in `documents`. */
export type DocumentRow = {
  readonly path: string
  readonly status: number
  readonly content_type: string
  readonly etag: string
  readonly last_modified: number | null
  /** A hash of everything the document was rendered from (the publisher's plan). */
  readonly fingerprint: string
}

/** An article's row in `articles`. */
export type ArticleRow = {
  readonly id: string
  readonly slug: string
  readonly file: string
  readonly title: string
  readonly published: number
  readonly updated: number
  readonly tags: string
  /** Archive position, 1 = oldest. */
  readonly position: number
  readonly fingerprint: string
}

export const DOCUMENT_COLUMNS = ['path', 'status', 'content_type', 'etag', 'last_modified', 'fingerprint'] as const
export const ARTICLE_COLUMNS = [
  'id',
  'slug',
  'file',
  'title',
  'published',
  'updated',
  'tags',
  'position',
  'fingerprint',
] as const

/** A scope's row in `scopes`: its paging when last published (src/publisher/publish/touched.ts). */
export type ScopeRow = {
  /** The scope's document reference without a page, as JSON: '{}' for the site, '{"tag":"beta"}'. */
  readonly scope: string
  /** Hash of code version, origin, site and scope name: when it differs, every page of the scope is planned. */
  readonly context: string
  readonly entries: number
  /** Hash of the subscription document's entries. */
  readonly current: string
  /** JSON array of each archive page's hash, page 1 (oldest) first. */
  readonly pages: string
}

export const SCOPE_COLUMNS = ['scope', 'context', 'entries', 'current', 'pages'] as const
