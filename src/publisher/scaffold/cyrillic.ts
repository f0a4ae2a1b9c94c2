/**
 * @module
 * Cyrillic → Latin for URL slugs: the BGN/PCGN romanization of Russian (1947), written
 * without its diacritics and apostrophes, as slugs are ASCII where a standard allows it:
 * "ё" is "e" (BGN/PCGN "ë"), the hard and soft signs (BGN/PCGN ″ and ′) are dropped. Letters
 * Russian lacks follow the BGN/PCGN tables of the languages that use them (Ukrainian,
 * Belarusian, Serbian, Macedonian) the same way; any other Cyrillic letter is kept as it is.
 * Input is lower-case.
 */

const LETTERS: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
  // Ukrainian and Belarusian.
  є: 'ye',
  і: 'i',
  ї: 'yi',
  ґ: 'g',
  ў: 'w',
  // Serbian and Macedonian (BGN/PCGN đ, ć, dž written without diacritics).
  ђ: 'dj',
  ј: 'j',
  љ: 'lj',
  њ: 'nj',
  ћ: 'c',
  џ: 'dz',
  ѓ: 'gj',
  ќ: 'kj',
  ѕ: 'dz',
}

/** BGN/PCGN: "е" and "ё" are "ye" at the start of a word and after a vowel, "й", "ъ" or "ь". */
const YE_AFTER = /[аеёиоуыэюяйъьєії]/

const isCyrillicLetter = (c: string | undefined): boolean => c !== undefined && /\p{Script=Cyrillic}/u.test(c)

/** Romanizes the Cyrillic letters of lower-case text; everything else is kept. */
export const romanizeCyrillic = (text: string): string => {
  if (!/\p{Script=Cyrillic}/u.test(text)) return text
  const chars = Array.from(text)
  return chars
    .map((c, i) => {
      const latin = LETTERS[c]
      if (latin === undefined) return c
      const before = chars[i - 1]
      if ((c === 'е' || c === 'ё') && (!isCyrillicLetter(before) || YE_AFTER.test(before ?? ''))) return 'ye'
      return latin
    })
    .join('')
}
