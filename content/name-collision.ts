/**
 * @module
 * How a message names two tags that collide. After NFC (content/normalize.ts) two names can
 * still look the same and differ — "ﬁnance" (U+FB01) and "finance", a Cyrillic "а" in a Latin
 * word — so messages show the code points of names that differ by more than letter case.
 */
import { codePoints } from './code-points.ts'

/** The two names, quoted; with their code points when they differ other than in case: `"ﬁ" (U+FB01)`. */
export const collidingNames = (name: string, other: string): readonly [string, string] =>
  name.toLowerCase() === other.toLowerCase()
    ? [`"${name}"`, `"${other}"`]
    : [`"${name}" (${codePoints(name)})`, `"${other}" (${codePoints(other)})`]
