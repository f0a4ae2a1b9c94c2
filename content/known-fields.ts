/**
 * @module
 * The fields each kind of object may have. A field the loader does not know would be dropped
 * silently (a `corrections:` list, an `imgae:` typo) and the author would never learn why it did
 * not appear, so an unknown field is an error naming the fields that are allowed. Each list is
 * checked against its type by `satisfies`: adding a field to schema.ts without adding it here
 * fails the type-check.
 */
import type { ArticleInput, Figure, ImageInput, Quote, SiteInput } from './schema.ts'

type FieldList<T> = { readonly [K in keyof Required<T>]: true }

export const ARTICLE_FIELDS = {
  id: true,
  title: true,
  standfirst: true,
  dateline: true,
  source: true,
  published: true,
  updated: true,
  language: true,
  tags: true,
  image: true,
  body: true,
  translationOf: true,
  corrections: true,
} as const satisfies FieldList<ArticleInput>

export const SITE_FIELDS = {
  title: true,
  description: true,
  language: true,
  publisher: true,
  idAuthority: true,
  idDate: true,
  ttlMinutes: true,
  feedSize: true,
  archivePageSize: true,
} as const satisfies FieldList<SiteInput>

export const IMAGE_FIELDS = {
  src: true,
  alt: true,
  caption: true,
  credit: true,
} as const satisfies FieldList<ImageInput>

export const FIGURE_FIELDS = { figure: true } as const satisfies FieldList<Figure>

export const QUOTE_FIELDS = { quote: true } as const satisfies FieldList<Quote>

export type UnknownField = { readonly field: string; readonly message: string; readonly fix: string }

/**
 * Every own key of `value` that `allowed` does not list, as a problem at `prefix.key` (or `key`).
 * Keys are compared exactly: `Title` is not `title`.
 */
export const unknownFields = (value: object, allowed: Readonly<Record<string, true>>, prefix = ''): UnknownField[] =>
  Object.keys(value)
    .filter((key) => !Object.hasOwn(allowed, key))
    .map((key) => ({
      field: prefix ? `${prefix}.${key}` : key,
      message: `is not a field we know, so it would be dropped without a trace.`,
      fix: `remove it, or correct its name; the fields allowed are: ${Object.keys(allowed).join(', ')}.`,
    }))
