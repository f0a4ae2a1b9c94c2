/**
 * Content: the TASS article carried over faithfully, and every kind of bad content rejected
 * at load with the file, the field and the fix.
 */
import { describe, expect, it } from 'vitest'
import article from '../content/articles/china-russia-security-cooperation.ts'
import { articleEntries, content } from '../content/index.ts'
import {
  type ArticleEntry,
  findContentAdvice,
  findContentProblems,
  findFutureDates,
  loadContent,
} from '../content/load.ts'
import type { ArticleInput } from '../content/schema.ts'
import site from '../content/site.ts'
import { bodyParagraphsText } from '../src/feed/body.ts'
import seed from './fixtures/seed-000_7aabf56efc3e79f2.txt?raw'

describe('the TASS article', () => {
  // The seed: "All news" (the agency's navigation), headline, standfirst, then the paragraphs.
  const [, headline, standfirst, ...paragraphs] = seed.split(/\n\n/).map((block) => block.trim())
  const loaded = content.articles.find((a) => a.id === '7aabf56efc3e79f2')
  if (!loaded) throw new Error('the article is not loaded')

  it('keeps the headline and the standfirst character for character', () => {
    expect(article.title).toBe(headline)
    expect(article.standfirst).toBe(standfirst)
    expect(article.title).toContain('–')
  })

  it('renders to exactly the paragraphs of the source, dateline, quotes and apostrophes included', () => {
    expect(bodyParagraphsText(loaded)).toEqual(paragraphs)
    expect(paragraphs[0]).toMatch(/^BEIJING, September 18\. \/TASS\/\. /)
  })

  it('is dated 18 September 2023 without a time of day, credited to TASS, filed from Beijing', () => {
    expect(article.published).toBe('2023-09-18')
    expect(article.updated).toBeUndefined()
    expect(article.source).toBe('TASS')
    expect(article.dateline).toBe('Beijing')
    expect(article.tags).toEqual(['China', 'Russia', 'SCO', 'CSTO'])
  })

  it('is listed in content/index.ts under the name of its file', () => {
    const files = Object.keys(import.meta.glob('../content/articles/*.ts')).map((path) => path.split('/').at(-1))
    expect(articleEntries.map(([slug]) => `${slug}.ts`).sort()).toEqual(files.sort())
  })
})

const valid: ArticleInput = {
  id: 'a-1',
  title: 'A title',
  standfirst: 'A standfirst',
  dateline: 'Paris',
  source: 'AFP',
  published: '2024-01-02',
  tags: ['One'],
  body: [['Text.']],
}

const problemsOf = (changes: Partial<Record<keyof ArticleInput, unknown>>, slug = 'an-article') =>
  findContentProblems(site, [[slug, { ...valid, ...changes } as ArticleInput]])

const expectOneProblem = (changes: Partial<Record<keyof ArticleInput, unknown>>, field: string, message: RegExp) => {
  const problems = problemsOf(changes)
  expect(problems).toHaveLength(1)
  expect(problems[0]).toMatchObject({ file: 'content/articles/an-article.ts', field })
  expect(problems[0]?.message).toMatch(message)
  expect(problems[0]?.fix).not.toBe('')
}

describe('bad content', () => {
  it('accepts the valid baseline', () => {
    expect(problemsOf({})).toEqual([])
  })

  it.each([
    ['empty', ''],
    ['whitespace-only', ' \t '],
  ])('rejects a %s title', (_, title) => expectOneProblem({ title }, 'title', /empty or only whitespace/))

  it('rejects a title on two lines and one with surrounding spaces', () => {
    expectOneProblem({ title: 'one\ntwo' }, 'title', /single line/)
    expectOneProblem({ title: ' padded' }, 'title', /leading or trailing whitespace/)
  })

  it.each([
    ['U+0000', '\u0000'],
    ['U+0008', '\u0008'],
    ['U+000B', '\u000B'],
    ['U+000C', '\u000C'],
    ['U+001F', '\u001F'],
  ])('rejects the XML-forbidden character %s, naming it', (name, char) =>
    expectOneProblem(
      { standfirst: `bad ${char} text` },
      'standfirst',
      new RegExp(`control character ${name.replace('+', '\\+')}`),
    ),
  )

  it('rejects lone surrogates', () => {
    expectOneProblem({ dateline: 'half \uD83D emoji' }, 'dateline', /lone UTF-16 surrogate/)
    expectOneProblem({ source: 'half \uDE00 emoji' }, 'source', /lone UTF-16 surrogate/)
  })

  it('finds bad text inside the body and names the paragraph and run', () => {
    const problems = problemsOf({ body: [['fine'], ['also fine', { quote: 'bad \u0001' }]] })
    expect(problems.map((p) => p.field)).toEqual(['body[1][1]'])
    expectOneProblem({ body: [['fine'], ['  ']] }, 'body[1]', /empty/)
    expectOneProblem({ body: [] }, 'body', /no paragraphs/)
  })

  it.each(['2023-02-29', '2023-13-01', '2023-09-31', '2023-09-18T24:00:00Z', '18 September 2023', '2023-9-18', ''])(
    'rejects the impossible or malformed date %j',
    (published) => expectOneProblem({ published }, 'published', /is not a real date/),
  )

  it('accepts real dates, leap days and offsets', () => {
    // Fractional seconds (what Date#toISOString writes) were once rejected: found by properties.test.tsx.
    for (const published of [
      '2024-02-29',
      '2023-09-18T10:30:00+08:00',
      '2023-09-18T10:30Z',
      '2023-09-18T10:30:00.250Z',
    ])
      expect(problemsOf({ published })).toEqual([])
  })

  it('rejects updated before published', () =>
    expectOneProblem({ published: '2024-01-02', updated: '2024-01-01' }, 'updated', /before published/))

  it.each(['Not-Kebab', 'under_score', 'trailing-', 'spa ce'])('rejects the slug %j', (slug) => {
    const problems = problemsOf({}, slug)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ field: 'slug (file name)', file: `content/articles/${slug}.ts` })
    expect(problems[0]?.message).toMatch(/kebab-case/)
  })

  it('rejects a slug listed twice and an id used twice', () => {
    const twice: ArticleEntry[] = [
      ['same', valid],
      ['same', { ...valid, id: 'other' }],
    ]
    expect(findContentProblems(site, twice).map((p) => p.message)).toEqual([expect.stringMatching(/listed twice/)])
    const sameId: ArticleEntry[] = [
      ['first', valid],
      ['second', valid],
    ]
    const [problem] = findContentProblems(site, sameId)
    expect(problem).toMatchObject({ file: 'content/articles/second.ts', field: 'id' })
    expect(problem?.message).toMatch(/already the id of content\/articles\/first\.ts/)
  })

  it.each(['english', 'e', 'en_US', 'en-'])('rejects the language tag %j', (language) =>
    expectOneProblem({ language }, 'language', /not a BCP 47 language tag/),
  )

  it('rejects tags that repeat, collide across articles, carry markup or have no letters', () => {
    expectOneProblem({ tags: ['China', 'china'] }, 'tags[1]', /repeats "China"/)
    expectOneProblem({ tags: ['<b>'] }, 'tags[0]', /contains < or >/)
    expectOneProblem({ tags: ['---'] }, 'tags[0]', /no letter or digit/)
    const colliding: ArticleEntry[] = [
      ['first', valid],
      ['second', { ...valid, id: 'b-2', tags: ['ONE'] }],
    ]
    expect(findContentProblems(site, colliding)[0]?.message).toMatch(/"ONE" and "One" .* share the URL \/tags\/one/)
  })

  it('checks the site too', () => {
    const problems = findContentProblems({ ...site, language: 'xx_1', idAuthority: 'Not A Domain', ttlMinutes: 0 }, [
      ['ok', valid],
    ])
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual([
      'content/site.ts language',
      'content/site.ts idAuthority',
      'content/site.ts ttlMinutes',
    ])
  })

  it('throws one error listing every problem with file, field and fix, and returns nothing', () => {
    const bad: ArticleEntry[] = [['bad-one', { ...valid, title: '', published: '2023-02-30' }]]
    expect(() => loadContent(site, bad)).toThrowError(
      /Invalid content \(2 problems\):\n {2}content\/articles\/bad-one\.ts › title: is empty or only whitespace\. Fix: .+\n {2}content\/articles\/bad-one\.ts › published: "2023-02-30" is not a real date\. Fix: write a real date/,
    )
  })
})

describe('advice', () => {
  it('points out articles that share an instant, which Atom validators flag as DuplicateUpdated', () => {
    const content = loadContent(site, [
      ['first', valid],
      ['second', { ...valid, id: 'b-2' }],
      ['third', { ...valid, id: 'c-3', published: '2024-01-02T09:30:00Z' }],
    ])
    const advice = findContentAdvice(content)
    expect(advice).toHaveLength(1)
    expect(advice[0]).toMatchObject({ file: 'content/articles/second.ts', field: 'published' })
    expect(advice[0]?.message).toContain('content/articles/first.ts')
    expect(findContentAdvice(loadContent(site, [['only', valid]]))).toEqual([])
  })
})

describe('dates in the future', () => {
  it('are reported by npm run check, which has a clock, with file and field', () => {
    const content = loadContent(site, [
      ['past', valid],
      ['ahead', { ...valid, id: 'b-2', published: '2024-01-02', updated: '2031-05-01' }],
    ])
    const problems = findFutureDates(content, new Date('2026-11-27T00:00:00Z'))
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'content/articles/ahead.ts',
        field: 'updated',
        message: '2031-05-01T00:00:00.000Z is in the future.',
      }),
    ])
    expect(findFutureDates(content, new Date('2032-01-01T00:00:00Z'))).toEqual([])
  })
})
