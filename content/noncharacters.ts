/**
 * @module
 * Unicode non-characters: U+FDD0–U+FDEF and the last two code points of each of the 17 planes
 * (U+FFFE, U+FFFF, U+1FFFE, U+1FFFF … U+10FFFE, U+10FFFF), 66 in all (Unicode §23.7,
 * "Noncharacters"). They are reserved for a program's internal use, not for interchange:
 * XML 1.0 §2.2 excludes U+FFFE and U+FFFF from Char and discourages the others, and the HTML
 * parser reports every one as a parse error (WHATWG HTML §13.2.5, "noncharacter-in-input-stream").
 */
import { codePoint } from './code-points.ts'

const hex = (n: number): string => n.toString(16)
const planeEnds = Array.from(
  { length: 17 },
  (_, plane) => `\\u{${hex(plane * 0x10000 + 0xfffe)}}-\\u{${hex(plane * 0x10000 + 0xffff)}}`,
)

/** Matches any of the 66 non-characters. */
export const NONCHARACTER = new RegExp(`[\\u{fdd0}-\\u{fdef}${planeEnds.join('')}]`, 'u')

/** The message for a non-character: named as Unicode names it, not as a control character. */
export const nonCharacterProblem = (character: string): string =>
  `contains the non-character ${codePoint(character)}, which Unicode reserves for internal use and HTML parsers report as an error.`
