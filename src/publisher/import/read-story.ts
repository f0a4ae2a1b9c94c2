/**
 * @module
 * The fields we import, read from a schema-valid ninjs document of either generation into one
 * shape, each with the JSON Pointer it came from (for messages). 1.x names them `headline`,
 * `description_text`, `body_html`, `byline`, `subject`, with `headline_*`, `description_*` and
 * `body_*` for other roles; 2.x has arrays of `{ role, contenttype, value }` and `by`, `subjects`.
 */
import type { NinjsGeneration } from './validate-ninjs.ts'

export type Located<T> = { readonly value: T; readonly path: string }

/** A text as the agency gives it: plain, or HTML (XHTML included) to be reduced to text. */
export type AgencyText = { readonly value: string; readonly html: boolean }

export type Story = {
  readonly generation: NinjsGeneration
  readonly uri: Located<string>
  readonly headline?: Located<AgencyText>
  readonly description?: Located<AgencyText>
  readonly body?: Located<AgencyText>
  readonly located?: Located<string>
  readonly by?: Located<string>
  readonly copyrightholder?: Located<string>
  readonly subjects: readonly string[]
  readonly language?: Located<string>
  readonly firstcreated?: Located<string>
  readonly versioncreated?: Located<string>
}

type Document = Readonly<Record<string, unknown>>
type Role = { readonly role?: string; readonly contenttype?: string; readonly value: string }

const located = <T>(value: T | undefined, path: string): Located<T> | undefined =>
  value === undefined ? undefined : { value, path }

const stringAt = (document: Document, name: string): Located<string> | undefined =>
  typeof document[name] === 'string' ? { value: document[name], path: `/${name}` } : undefined

/** HTML media types and the names agencies use for them (`body_xhtml`, `richtext`). */
const HTML = /html|richtext/i

/** Untyped text is HTML when it starts with a tag (2.x leaves the content type to the provider). */
const looksLikeHTML = (value: string): boolean => /^\s*<[a-z!]/i.test(value)

const isHTML = (kind: string | undefined, value: string): boolean =>
  kind === undefined ? looksLikeHTML(value) : HTML.test(kind)

/** Credit lines and writers are metadata, not the article's summary. */
const NOT_TEXT_ROLES = /credit|writer|copyright/i

/** 2.x: the entry with the first role in `roles` (`undefined` = no role), else the first. */
const byRole = (entries: readonly Role[] | undefined, roles: readonly (string | undefined)[]): number => {
  if (!entries || entries.length === 0) return -1
  for (const role of roles) {
    const index = entries.findIndex((entry) => entry.role === role)
    if (index !== -1) return index
  }
  return entries.findIndex((entry) => !NOT_TEXT_ROLES.test(entry.role ?? ''))
}

const roleText = (document: Document, name: string, roles: readonly (string | undefined)[]) => {
  const entries = document[name] as readonly Role[] | undefined
  const index = byRole(entries, roles)
  const entry = entries?.[index]
  if (!entry) return undefined
  return located<AgencyText>(
    { value: entry.value, html: isHTML(entry.contenttype, entry.value) },
    `/${name}/${index}/value`,
  )
}

/** 2.x body: HTML first (it carries paragraphs and `<q>`), then plain text; never other XML (TT's NITF). */
const body2 = (document: Document): Located<AgencyText> | undefined => {
  const entries = (document.bodies as readonly Role[] | undefined) ?? []
  const usable = entries
    .map((entry, index) => ({ entry, index, html: isHTML(entry.contenttype, entry.value) }))
    .filter(({ entry }) => entry.contenttype === undefined || /html|text\/plain|^text$/i.test(entry.contenttype))
  const chosen = usable.find(({ html }) => html) ?? usable[0]
  return chosen && { value: { value: chosen.entry.value, html: chosen.html }, path: `/bodies/${chosen.index}/value` }
}

/**
 * 1.x: `<prefix>_<role>` properties; `preferred` roles first, HTML roles before plain ones
 * when `htmlFirst`. `headline` itself is a plain property.
 */
const suffixed = (
  document: Document,
  prefix: string,
  preferred: readonly string[],
  htmlFirst: boolean,
): Located<AgencyText> | undefined => {
  const names = Object.keys(document).filter(
    (name) => name.startsWith(`${prefix}_`) && typeof document[name] === 'string' && !NOT_TEXT_ROLES.test(name),
  )
  const rank = (name: string): number => {
    const role = name.slice(prefix.length + 1)
    const preferredRank = preferred.indexOf(role)
    const htmlRank = HTML.test(role) === htmlFirst ? 0 : 1
    return (preferredRank === -1 ? preferred.length : preferredRank) * 2 + htmlRank
  }
  const name = names.sort((a, b) => rank(a) - rank(b))[0]
  if (name === undefined) return undefined
  const value = document[name] as string
  return { value: { value, html: HTML.test(name) }, path: `/${name}` }
}

const subjectNames = (list: unknown): string[] =>
  Array.isArray(list)
    ? list.flatMap((subject: { name?: unknown }) => (typeof subject?.name === 'string' ? [subject.name] : []))
    : []

const common = (document: Document) => ({
  uri: stringAt(document, 'uri') as Located<string>,
  located: stringAt(document, 'located'),
  copyrightholder: stringAt(document, 'copyrightholder'),
  language: stringAt(document, 'language'),
  firstcreated: stringAt(document, 'firstcreated'),
  versioncreated: stringAt(document, 'versioncreated'),
})

const readV1 = (document: Document): Story => {
  const headline = stringAt(document, 'headline')
  return {
    generation: '1.6',
    ...common(document),
    headline: headline
      ? { value: { value: headline.value, html: false }, path: headline.path }
      : suffixed(document, 'headline', ['main'], false),
    description: suffixed(document, 'description', ['text', 'main', 'summary'], false),
    body: suffixed(document, 'body', ['html', 'xhtml', 'richtext', 'text', 'main'], true),
    by: stringAt(document, 'byline'),
    subjects: subjectNames(document.subject),
  }
}

const readV2 = (document: Document): Story => ({
  generation: '2.2',
  ...common(document),
  headline: roleText(document, 'headlines', ['main', undefined]),
  description: roleText(document, 'descriptions', ['summary', 'main', 'text', undefined, 'caption']),
  body: body2(document),
  by: stringAt(document, 'by'),
  subjects: subjectNames(document.subjects),
})

/** Reads a document the schema of `generation` has validated. */
export const readStory = (document: Document, generation: NinjsGeneration): Story =>
  generation === '2.2' ? readV2(document) : readV1(document)
