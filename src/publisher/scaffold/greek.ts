/**
 * @module
 * Greek → Latin for URL slugs: ELOT 743 (the Greek standard, also ISO 843 transcription and
 * the romanization of Greek passports), without diacritics. Accents are dropped; a
 * diaeresis only stops two vowels from forming a digraph ("αϋ" is "ay", not "av"). Input is
 * lower-case.
 */

const LETTERS: Readonly<Record<string, string>> = {
  α: 'a',
  β: 'v',
  γ: 'g',
  δ: 'd',
  ε: 'e',
  ζ: 'z',
  η: 'i',
  θ: 'th',
  ι: 'i',
  κ: 'k',
  λ: 'l',
  μ: 'm',
  ν: 'n',
  ξ: 'x',
  ο: 'o',
  π: 'p',
  ρ: 'r',
  σ: 's',
  ς: 's',
  τ: 't',
  υ: 'y',
  φ: 'f',
  χ: 'ch',
  ψ: 'ps',
  ω: 'o',
}

/** Two letters written as one sound. "μπ" is "b" at the start of a word, "mp" inside it. */
const DIGRAPHS: Readonly<Record<string, string>> = {
  ου: 'ou',
  γγ: 'ng',
  γξ: 'nx',
  γχ: 'nch',
  γκ: 'gk',
  ντ: 'nt',
  μπ: 'mp',
}

/** αυ, ευ, ηυ: "v" before a vowel or a voiced consonant, "f" before a voiceless one or at the end. */
const U_DIPHTHONG: Readonly<Record<string, string>> = { α: 'a', ε: 'e', η: 'i' }
const VOICED = /[αεηιουωβγδζλμνρ]/

const DIAERESIS = '\u0308'

/** Greek letters with accents removed; a letter carrying a diaeresis keeps it, as a marker. */
const letters = (text: string): string[] =>
  Array.from(text.normalize('NFD').replace(/[\u0300-\u0307\u0309-\u036f]/g, '')).reduce<string[]>((out, c) => {
    if (c === DIAERESIS && out.length > 0) out[out.length - 1] += c
    else out.push(c)
    return out
  }, [])

const isGreekLetter = (c: string | undefined): boolean => c !== undefined && LETTERS[c[0] ?? ''] !== undefined

/** Romanizes the Greek letters of lower-case text; everything else is kept (in NFC). */
export const romanizeGreek = (text: string): string => {
  if (!/\p{Script=Greek}/u.test(text)) return text
  const chars = letters(text)
  let out = ''
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string
    const next = chars[i + 1]
    // A diaeresis on the second letter means the two are read apart.
    const pair = next !== undefined && !next.endsWith(DIAERESIS) ? c + next : undefined
    const vowel = U_DIPHTHONG[c]
    if (vowel !== undefined && next === 'υ') {
      const after = chars[i + 2]
      out += vowel + (after !== undefined && VOICED.test(after) ? 'v' : 'f')
      i++
    } else if (pair === 'μπ' && !isGreekLetter(chars[i - 1])) {
      out += 'b'
      i++
    } else if (pair !== undefined && DIGRAPHS[pair] !== undefined) {
      out += DIGRAPHS[pair]
      i++
    } else out += LETTERS[c.replace(DIAERESIS, '')] ?? c
  }
  return out.normalize('NFC')
}
