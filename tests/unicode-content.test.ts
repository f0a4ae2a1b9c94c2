/**
 * Unicode in content: text is checked and published in NFC, so the two encodings of "Égypte"
 * are one tag; names that still collide are told apart by their code points; and the 66
 * non-characters are refused by name.
 */
import { describe, expect, it } from 'vitest'
import { type ArticleEntry, findContentProblems, loadContent } from '../content/load.ts'
import site from '../content/site.ts'
import { buildCatalog } from '../src/publisher/feed/catalog.ts'
import { validArticle } from './fixtures/article.ts'

const valid = validArticle

const COMPOSED = '\u00C9gypte'
const DECOMPOSED = 'E\u0301gypte'

describe('Unicode normalisation', () => {
  const entries: ArticleEntry[] = [
    ['first', { ...valid, tags: [COMPOSED], title: `${DECOMPOSED}: talks` }],
    ['second', { ...valid, id: 'b-2', tags: [DECOMPOSED], body: [['In ', { quote: DECOMPOSED }]] }],
  ]

  it('makes "Égypte" composed and decomposed the same tag, without a problem', () => {
    expect(findContentProblems(site, entries)).toEqual([])
    const catalog = buildCatalog(loadContent(site, entries))
    expect([...catalog.tags.values()].map(({ tag, entries }) => [tag.name, entries.length])).toEqual([[COMPOSED, 2]])
  })

  it('publishes every text in NFC', () => {
    const [first, second] = loadContent(site, entries).articles
    expect(first?.title).toBe(`${COMPOSED}: talks`)
    expect(second?.tags).toEqual([COMPOSED])
    expect(second?.body).toEqual([['In ', { quote: COMPOSED }]])
  })

  it('shows the code points of two tag names that still collide', () => {
    const problems = findContentProblems(site, [
      ['first', { ...valid, tags: ['\uFB01nance'] }],
      ['second', { ...valid, id: 'b-2', tags: ['finance'] }],
    ])
    expect(problems.map((p) => p.message)).toEqual([
      '"finance" (U+0066 U+0069 U+006E U+0061 U+006E U+0063 U+0065) and "\uFB01nance" (U+FB01 U+006E U+0061 U+006E U+0063 U+0065) (content/articles/first.ts) share the URL /tags/finance.',
    ])
    const [repeat] = findContentProblems(site, [['one', { ...valid, tags: ['\uFB01nance', 'finance'] }]])
    expect(repeat?.message).toContain('"finance" (U+0066 U+0069 U+006E U+0061 U+006E U+0063 U+0065) repeats')
  })
})

/** All 66: U+FDD0–U+FDEF and U+nFFFE, U+nFFFF in each of the 17 planes (Unicode §23.7). */
const NONCHARACTERS = [
  ...Array.from({ length: 32 }, (_, i) => 0xfdd0 + i),
  ...Array.from({ length: 17 }, (_, plane) => [plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff]).flat(),
]

describe('non-characters', () => {
  it('counts 66 of them', () => expect(NONCHARACTERS).toHaveLength(66))

  it.each(NONCHARACTERS.map((cp) => [`U+${cp.toString(16).toUpperCase().padStart(4, '0')}`, cp]))(
    'refuses %s in a title and in the body, calling it a non-character',
    (name, cp) => {
      const char = String.fromCodePoint(cp)
      const problems = findContentProblems(site, [
        ['an-article', { ...valid, title: `bad ${char} title`, body: [['fine', `bad ${char}`]] }],
      ])
      expect(problems.map((p) => [p.field, p.message])).toEqual([
        ['title', expect.stringContaining(`non-character ${name},`)],
        ['body[0][1]', expect.stringContaining(`non-character ${name},`)],
      ])
      expect(problems[0]?.message).not.toMatch(/control/)
    },
  )

  it('still accepts the characters next to them', () => {
    for (const cp of [0xfdcf, 0xfdf0, 0xfffd, 0x1fffd, 0x20000, 0x10fffd])
      expect(findContentProblems(site, [['ok', { ...valid, title: `ok ${String.fromCodePoint(cp)}` }]])).toEqual([])
  })
})
