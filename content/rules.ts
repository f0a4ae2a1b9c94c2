/**
 * @module
 * Field rules shared by the site and article checks. Each returns what is wrong, or
 * `undefined`, so that load.ts can report every problem at once.
 */
import { codePoint } from './code-points.ts'
import { NONCHARACTER, nonCharacterProblem } from './noncharacters.ts'

/**
 * Control characters XML 1.0 forbids (§2.2 Char) plus C1 controls and DEL, which it discourages
 * and feed validators flag. Lone surrogates are caught by `isWellFormed()`, non-characters by
 * noncharacters.ts.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/

/**
 * Everything that may need a closer look, in one scan: control characters (tab, LF and CR
 * included), surrogates (also the halves of valid pairs, so every astral character),
 * the non-characters of the BMP and line separators.
 * Most text has none of them, so most text is checked by this one test (it is the cost of
 * loading thousands of articles: see BENCHMARKS.md).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const SUSPECT = /[\u0000-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFE\uFFFF\u2028\u2029]/

const detailedProblem = (value: string): string | undefined => {
  if (!value.isWellFormed()) return 'contains a lone UTF-16 surrogate (half of an emoji or astral character).'
  const bad = FORBIDDEN.exec(value)
  if (bad) return `contains the control character ${codePoint(bad[0])}, which XML feeds cannot carry.`
  const nonCharacter = NONCHARACTER.exec(value)
  if (nonCharacter) return nonCharacterProblem(nonCharacter[0])
  if (/[\r\n\u2028\u2029]/.test(value)) return 'must be a single line.'
  return undefined
}

const typeProblem = (value: unknown): string | undefined =>
  typeof value === 'string' ? undefined : `must be a string, got ${value === null ? 'null' : typeof value}.`

/** What is wrong with a one-line text field (title, tag…), or undefined. */
export const textProblem = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return typeProblem(value)
  if (SUSPECT.test(value)) {
    const problem = detailedProblem(value)
    if (problem) return problem
  }
  if (!/\S/.test(value)) return 'is empty or only whitespace.'
  if (/^\s|\s$/.test(value)) return 'has leading or trailing whitespace.'
  return undefined
}

/** What is wrong with a run of a paragraph, or undefined: runs may be spaces, or start or end with one. */
export const runProblem = (value: unknown): string | undefined => {
  if (typeof value !== 'string') return typeProblem(value)
  return SUSPECT.test(value) ? detailedProblem(value) : undefined
}

/** BCP 47 shape (RFC 5646 §2.1, simplified): primary language subtag, then subtags of 1–8. */
export const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i

/** Lower-case ASCII kebab-case, as used for article ids (which go into `tag:` URIs, RFC 4151). */
export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/**
 * Kebab-case of any script, as used for article slugs: lower-case or caseless letters, marks
 * and digits, between single hyphens (scripts/slug.ts makes them; tag slugs keep the same
 * characters, content/tags.ts). Percent-encoded in URLs, as Wikipedia's are.
 */
export const SLUG = /^[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+(?:-[\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+)*$/u

/** RFC 4151 `date` of a tag URI. */
export const TAG_DATE = /^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$/

/** RFC 4151 `authorityName` as a DNS name (lower-case labels). */
export const DNS_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/
