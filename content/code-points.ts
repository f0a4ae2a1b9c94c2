/** @module Code points written the Unicode way (U+00C9), for messages about text that looks alike. */

/** `"É"` → `"U+00C9"`: the first code point of `c`. */
export const codePoint = (c: string): string =>
  `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

/** `"É"` (decomposed) → `"U+0045 U+0301"`: every code point, so that look-alike names can be told apart. */
export const codePoints = (text: string): string => Array.from(text, codePoint).join(' ')
