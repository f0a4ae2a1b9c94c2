/**
 * Realistic generated articles for the benchmarks: the TASS article's length (ten paragraphs
 * of about 60 words) in words drawn by a seeded generator, so text compresses like prose
 * rather than like one paragraph repeated.
 */
import type { ArticleInput } from '../content/schema.ts'

const WORDS = `china russia security cooperation expert global arena challenges strengthen track organization shanghai
regional cornerstone military technology sector bilateral trade countries supplement exchange experience methods
training soldiers traditional battle techniques effectiveness armies influence efforts interests responsibility
consultations practical mutual coordination strategic measures terrorism separatism extremism contribution stability
world order cardinal changes environment peace development image responsible powers community hegemony system
history principles alliances confrontation parties nature philosophy unions western initiators multilateral economy
defense dialogue partnership moscow beijing minister visit round talks council summit agreement policy trade energy
market growth report officials statement government parliament election region border agency ministry committee`.split(
  /\s+/,
)

/** mulberry32: a small, well-distributed seeded PRNG. */
const random = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const sentence = (next: () => number, words: number): string => {
  const picked = Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)])
  const text = picked.join(' ')
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`
}

export const realisticArticle = (i: number): ArticleInput => {
  const next = random(i + 1)
  // One an hour from 2000: 100,000 articles end in 2011, never in the future (publish refuses those).
  const day = new Date(Date.UTC(2000, 0, 1) + i * 3_600_000)
  return {
    id: `bench-${i}`,
    title: sentence(next, 10).slice(0, -1),
    standfirst: sentence(next, 25),
    dateline: 'Geneva',
    source: 'Wire',
    published: day.toISOString().replace('.000Z', 'Z'),
    tags: [`Topic ${i % 40}`, `Region ${i % 7}`],
    body: Array.from({ length: 10 }, () => [sentence(next, 30), ' ', { quote: sentence(next, 25) }, ' he said.']),
  }
}

/** TypeScript source of an article file at `depth` folders below content/articles/, as an author would write it. */
export const articleFileSource = (article: ArticleInput, schemaImport: string): string =>
  `import { defineArticle } from '${schemaImport}'\n\nexport default defineArticle(${JSON.stringify(article, null, 2)})\n`
