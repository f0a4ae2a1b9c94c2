/**
 * @module
 * Text direction from a BCP 47 language tag, for the HTML `dir` attribute (WHATWG HTML §3.2.6.4;
 * W3C "Structural markup and right-to-left text in HTML": set `dir` wherever the direction
 * changes, `lang` alone does not set it). Right-to-left for the languages and scripts written
 * that way, left-to-right for other known ones, and `auto` (the first strong character
 * decides) when the language says nothing about its script.
 */

export type Direction = 'ltr' | 'rtl' | 'auto'

/** ISO 15924 scripts written right to left (Unicode Script property, bidi class R or AL). */
const RTL_SCRIPTS = new Set(['Arab', 'Hebr', 'Thaa', 'Syrc', 'Nkoo', 'Adlm', 'Rohg', 'Mand', 'Samr', 'Mend', 'Yezi'])

/** Languages whose default script is right to left, for when ICU's likely-subtags data is missing. */
const RTL_LANGUAGES = new Set(['ar', 'he', 'iw', 'fa', 'ur', 'yi', 'ps', 'sd', 'ug', 'dv', 'ckb', 'syr'])

/** `"ar"`, `"he-IL"`, `"ku-Arab"` → `"rtl"`; `"en"`, `"ru"`, `"az-Latn"` → `"ltr"`; `"und"`, `"xx"` → `"auto"`. */
export const directionOf = (language: string): Direction => {
  let locale: Intl.Locale
  try {
    locale = new Intl.Locale(language)
  } catch {
    return 'auto'
  }
  // An explicit script subtag decides (RFC 5646 §2.2.3): "az-Arab" is right to left.
  if (locale.script !== undefined) return RTL_SCRIPTS.has(locale.script) ? 'rtl' : 'ltr'
  if (RTL_LANGUAGES.has(locale.language)) return 'rtl'
  // "und" is "undetermined": likely subtags would make it English.
  if (locale.language === 'und') return 'auto'
  // CLDR likely subtags (UTS #35 §4.3): "fa" → "fa-Arab-IR". No script: an unknown language.
  const script = locale.maximize().script
  if (script === undefined) return 'auto'
  return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr'
}

/**
 * `lang` and `dir` for an element holding text in `language` on a page in `pageLanguage`:
 * nothing when they are the same language (the element inherits both), both otherwise.
 */
export const textDirection = (
  language: string,
  pageLanguage: string,
): { readonly lang?: string; readonly dir?: Direction } =>
  language === pageLanguage ? {} : { lang: language, dir: directionOf(language) }

/** `dir` for a page's root: left to right is the default, so it is written only when the language is not. */
export const pageDirection = (language: string): Direction | undefined => {
  const direction = directionOf(language)
  return direction === 'ltr' ? undefined : direction
}
