/**
 * Content: the TASS article carried over faithfully, and every kind of bad content rejected
 * at load with the file, the field and the fix.
 */
import { describe, expect, it } from 'vitest'
import article from '../content/articles/china-russia-security-cooperation.ts'
import {
  type ArticleEntry,
  findContentAdvice,
  findContentProblems,
  findFutureDates,
  loadContent,
} from '../content/load.ts'
import { type ArticleInput, isParagraph, type Quote } from '../content/schema.ts'
import site from '../content/site.ts'
import { bodyParagraphsText } from '../src/publisher/feed/body.ts'
import { validArticle } from './fixtures/article.ts'
import { monthOfEnglishName } from './helpers/dates.ts'

/** The one seed file, named `seed-<n>_<article id>.txt`: the original TASS text, as published. */
const [seedFile, seed] = (() => {
  const seeds = Object.entries(
    import.meta.glob<string>('./fixtures/seed-*.txt', { query: '?raw', import: 'default', eager: true }),
  )
  if (seeds.length !== 1 || !seeds[0]) throw new Error(`expected one seed file, found ${seeds.length}`)
  return seeds[0]
})()

// The seed: "All news" (the agency's navigation), headline, standfirst, then the paragraphs,
// separated by blank lines. The first paragraph opens with the wire dateline.
const [navigation, headline, standfirst, ...paragraphs] = seed.split(/\n\n/).map((block) => block.trim())
const seedId = /seed-\d+_([0-9a-f]+)\.txt$/.exec(seedFile)?.[1]
const DATELINE = /^([A-Z][A-Z .-]*), ([A-Z][a-z]+) (\d{1,2})\. \/([^/]+)\/\. /
const [, place, monthName, day, agency] = DATELINE.exec(paragraphs[0] ?? '') ?? []
// Fails loudly if the seed is not shaped so: every test below would compare the wrong blocks.
if (navigation !== 'All news' || !seedId || !headline || !standfirst || !place || !monthName || !day || !agency)
  throw new Error(`the seed ${seedFile} does not have the expected shape`)

// Through the content loader, as the site loads every article: the body is checked as published.
const [loaded] = loadContent(site, [['china-russia-security-cooperation', article]]).articles
if (!loaded) throw new Error('the article did not load')

const isQuote = (run: string | Quote): run is Quote => typeof run !== 'string'

describe('the TASS article', () => {
  it('keeps the headline and the standfirst character for character', () => {
    expect(article.title).toBe(headline)
    expect(article.standfirst).toBe(standfirst)
  })

  it('renders to exactly the paragraphs of the source, dateline, quotes and apostrophes included', () => {
    expect(bodyParagraphsText(loaded)).toEqual(paragraphs)
  })

  it('marks as quotations exactly the passages the source puts between double quotes', () => {
    const quotedInSeed = paragraphs.map((paragraph) => [...paragraph.matchAll(/"([^"]*)"/g)].map((m) => m[1]))
    const quotedInFile = article.body
      .filter(isParagraph)
      .map((paragraph) => paragraph.filter(isQuote).map((run) => run.quote))
    expect(quotedInFile).toEqual(quotedInSeed)
  })

  it('is dated by its dateline, in the year of the visit it reports, without a time of day', () => {
    // The dateline gives month and day only. The year is not in the text: the last paragraph
    // reports Wang Yi's visit to Russia "from September 18 to 21" and the 18th round of
    // Russian-Chinese consultations on strategic security, which took place in September 2023.
    const VISIT_YEAR = 2023
    const visit = /visiting Russia from ([A-Z][a-z]+) (\d{1,2}) to \d{1,2}\./.exec(paragraphs.at(-1) ?? '')
    expect(visit?.slice(1)).toEqual([monthName, day])
    const month = String(monthOfEnglishName(monthName)).padStart(2, '0')
    expect(article.published).toBe(`${VISIT_YEAR}-${month}-${day.padStart(2, '0')}`)
    // The wire copy shows no revision.
    expect(article.updated).toBeUndefined()
  })

  it('is credited to the agency and filed from the place its dateline names', () => {
    expect(article.source).toBe(agency)
    expect(article.dateline.toUpperCase()).toBe(place)
    // Written as the text itself writes the place ("Beijing and Moscow are acting…"), not in capitals.
    expect(seed).toContain(`${article.dateline} `)
  })

  it('is tagged only with names the source mentions, in full or by their initials', () => {
    const phrases = [...seed.matchAll(/(?:[A-Z][a-z]+ )+[A-Z][a-z]+/g)].map((m) => m[0])
    const initials = new Set(phrases.map((phrase) => phrase.replace(/([A-Z])[a-z]+ ?/g, '$1')))
    for (const tag of article.tags)
      expect(new RegExp(`\\b${tag}\\b`).test(seed) || initials.has(tag), `tag ${JSON.stringify(tag)}`).toBe(true)
  })

  it('carries the id its seed file is named after', () => {
    expect(article.id).toBe(seedId)
  })
})

const valid = validArticle

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

  it('rejects two files with the same name in different folders (one URL) and an id used twice', () => {
    const twice: ArticleEntry[] = [
      ['same', valid, 'content/articles/2026/01/same.ts'],
      ['same', { ...valid, id: 'other' }, 'content/articles/2026/02/same.ts'],
    ]
    const [clash, ...rest] = findContentProblems(site, twice)
    expect(rest).toEqual([])
    expect(clash).toMatchObject({ file: 'content/articles/2026/02/same.ts', field: 'slug (file name)' })
    expect(clash?.message).toBe(
      '"same" is also the file name of content/articles/2026/01/same.ts: both would be /articles/same.',
    )
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
