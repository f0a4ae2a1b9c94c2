/** @module The archive's index in D1 (migrations/): one row per document and one per article. */

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
