/**
 * @module
 * URL slugs from headlines, for `npm run new`. Latin text becomes ASCII (accents dropped);
 * Cyrillic and Greek, which have standard romanizations, are romanized (scripts/cyrillic.ts,
 * scripts/greek.ts); every other script (Arabic, Hebrew, Chinese, Devanagari…) has no single
 * simple standard, so its letters stay as they are, as Wikipedia keeps them in its URLs:
 * /articles/صندوق-النقد-الدولي, sent percent-encoded on the wire (RFC 3987 §3.1 maps an IRI
 * to a URI by percent-encoding its UTF-8 bytes).
 */
import { romanizeCyrillic } from './cyrillic.ts'
import { romanizeGreek } from './greek.ts'

/** The longest slug, in code points (a URL path segment, not UTF-16 units). */
export const MAX_SLUG_LENGTH = 60

/** Latin letters that have no decomposition to strip an accent from. */
const LATIN_LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ð: 'd',
  ı: 'i',
}

/** What a slug is made of: lower-case (or caseless) letters, marks and digits of any script. */
const NOT_SLUG_CHARACTERS = /[^\p{Ll}\p{Lm}\p{Lo}\p{M}\p{N}]+/u

/** Accents off Latin letters only: in Devanagari or Thai the marks are the vowels. */
const latinWithoutAccents = (text: string): string =>
  text
    .normalize('NFD')
    .replace(/(\p{Script=Latin})\p{M}+/gu, '$1')
    .replace(/[ßæœøđłþðı]/g, (c) => LATIN_LETTERS[c] ?? c)
    .normalize('NFC')

/** The first `max` code points of `word`, cut between graphemes (never between a letter and its mark). */
const cut = (word: string, max: number): string => {
  let out = ''
  for (const { segment } of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(word)) {
    if (Array.from(out + segment).length > max) break
    out += segment
  }
  return out
}

/**
 * "China, Russia: talks – 2026!" → "china-russia-talks-2026"; "Россия и Китай" →
 * "rossiya-i-kitay"; "صندوق النقد الدولي" → "صندوق-النقد-الدولي". At most 60 code points, cut
 * on a word boundary (a first word longer than that, as in scripts written without spaces, is
 * cut between graphemes).
 */
export const slugFromHeadline = (headline: string): string => {
  const text = latinWithoutAccents(romanizeGreek(romanizeCyrillic(headline.normalize('NFKC').toLowerCase())))
  const words = text.split(NOT_SLUG_CHARACTERS).filter(Boolean)
  let slug = ''
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word
    if (Array.from(next).length > MAX_SLUG_LENGTH) break
    slug = next
  }
  if (slug === '' && words[0] !== undefined) slug = cut(words[0], MAX_SLUG_LENGTH)
  return slug || 'article'
}
