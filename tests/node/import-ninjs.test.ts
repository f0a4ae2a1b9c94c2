/**
 * `npm run import`: IPTC ninjs to article files, on IPTC's own documents (tests/fixtures/ninjs,
 * copied from iptc/newsinjson). Both generations map to the same article; the schema refuses
 * what IPTC's suite refuses; markup never survives; bad input is named by file, JSON Pointer and
 * fix with nothing written; the same story imported again is the same file, updated.
 */
import { execFileSync } from 'node:child_process'
import { globSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type DefaultTreeAdapterTypes, parseFragment } from 'parse5'
import { afterAll, describe, expect, it } from 'vitest'
import { findContentProblems, loadContent } from '../../content/load.ts'
import type { ArticleInput, Inline } from '../../content/schema.ts'
import site from '../../content/site.ts'
import { bodyParagraphsHTML } from '../../src/publisher/feed/body.ts'
import { articleFiles, importContentFiles } from '../../src/publisher/files/content-files.ts'
import { convertNinjs } from '../../src/publisher/import/convert-ninjs.ts'
import { planImport } from '../../src/publisher/import/plan-import.ts'
import type { TextArticle } from '../../src/publisher/import/to-article.ts'
import { validateNinjs } from '../../src/publisher/import/validate-ninjs.ts'
import { slugFromHeadline } from '../../src/publisher/scaffold/slug.ts'
import { type Run, runPublish, runScript } from '../helpers/publish-cli.ts'

const ROOT = join(import.meta.dirname, '../..')
const FIXTURES = join(ROOT, 'tests/fixtures/ninjs')
const fixture = (name: string): string => readFileSync(join(FIXTURES, name), 'utf8')
const json = (name: string): Record<string, unknown> => JSON.parse(fixture(name))

const convert = (text: string): TextArticle => {
  const { article, problems } = convertNinjs(text, 'en')
  if (!article) throw new Error(`did not convert: ${JSON.stringify(problems)}`)
  return article
}

const quotes = (article: TextArticle): string[] =>
  article.body.flatMap((paragraph) => paragraph.flatMap((run: Inline) => (typeof run === 'string' ? [] : [run.quote])))

/** Every element name in the HTML our renderer makes of the article's body. */
const renderedElements = (article: ArticleInput): Set<string> => {
  const [loaded] = loadContent(site, [['imported', article]]).articles
  const names = new Set<string>()
  const walk = (node: DefaultTreeAdapterTypes.Node): void => {
    if ('tagName' in node) names.add(node.tagName)
    if ('childNodes' in node) node.childNodes.forEach(walk)
  }
  walk(parseFragment(bodyParagraphsHTML(loaded as NonNullable<typeof loaded>).join('')))
  return names
}

describe('IPTC’s schemas, with Ajv', () => {
  const suite = (outcome: string) => globSync(`test-suite/*/${outcome}/*.json`, { cwd: FIXTURES })

  it.each(suite('should_pass'))('accepts IPTC’s valid case %s', (name) => {
    expect(validateNinjs(json(name)).problems).toEqual([])
  })

  it.each(suite('should_fail'))('refuses IPTC’s invalid case %s, naming the JSON path', (name) => {
    const { problems } = validateNinjs(json(name))
    expect(problems.length).toBeGreaterThan(0)
    for (const problem of problems) expect(problem.path).toMatch(/^(\/[^/]+)+$/)
  })

  it('refuses a property 2.x does not know, and names what 2.x calls it', () => {
    const document = { ...json('2.2/004_simple_text_article.json'), headline: 'A 1.x headline' }
    expect(validateNinjs(document).problems).toEqual([
      {
        path: '/headline',
        message: expect.stringMatching(/^is not a property of ninjs 2\.2/),
        fix: 'ninjs 2.x calls it headlines: [{ "value": … }].',
      },
    ])
  })
})

describe('IPTC’s example documents', () => {
  it('map 1.6 and 2.2 of the same story to the same article, field by field', () => {
    const v1 = convert(fixture('1.6/005_complex_text_article.json'))
    const v2 = convert(fixture('2.2/005_complex_text_article.json'))
    expect(v2).toEqual(v1)
    expect(v1).toMatchObject({
      id: expect.stringMatching(/^[0-9a-f]{16}$/),
      title: 'Captain of wrecked cruise ship on trial in Italy',
      dateline: 'Grossetto, Italy',
      source: "Paulo Santalucia and Frances d'Emilio",
      language: 'en',
      published: '2013-07-09T10:37:00Z',
    })
    // One paragraph per <p> of the richtext body; the standfirst is the first of them.
    const html = json('2.2/005_complex_text_article.json').bodies as { value: string }[]
    expect(v1.body).toHaveLength((html[1]?.value.match(/<p>/g) ?? []).length)
    expect(v1.standfirst).toBe(v1.body[0]?.[0])
  })

  it('take the id from the agency uri: the same uri is the same id, another uri another id', () => {
    const simple1 = convert(fixture('1.6/004_simple_text_article.json'))
    const simple2 = convert(fixture('2.2/004_simple_text_article.json'))
    const complex = convert(fixture('2.2/005_complex_text_article.json'))
    expect(simple1.id).toBe(simple2.id)
    expect(simple1.id).not.toBe(complex.id)
  })

  it('lose the AP dateline lead from the body, and take the place from it when located is absent', () => {
    const article = convert(fixture('2.2/004_simple_text_article.json'))
    expect(json('2.2/004_simple_text_article.json')).not.toHaveProperty('located')
    expect(article.dateline).toBe('GROSSETO, Italy')
    expect(article.body[0]?.[0]).toMatch(/^The trial of the captain/)
  })

  it('keep dpa’s «quotations» as quotes, exactly the passages between the marks', () => {
    const dpa: Record<string, unknown> = { ...json('agency-2.1/dpa_text.json'), located: 'Dortmund' }
    const article = convert(JSON.stringify(dpa))
    const html = (dpa.bodies as { value: string }[])[0]?.value ?? ''
    expect(quotes(article)).toEqual([...html.matchAll(/«([^«»]*)»/g)].map((m) => m[1]?.trim()))
    expect(article).toMatchObject({ language: 'de', source: 'Von Christian Hollmann, dpa', dateline: 'Dortmund' })
  })

  it('keep TT’s <blockquote> as quotes and drop the <h1> that repeats the headline, the figure and the head', () => {
    const tt = { ...json('agency-2.1/tt_text_image_2.json'), located: 'Stockholm' }
    const article = convert(JSON.stringify(tt))
    expect(article.body.some((p) => p.some((run) => typeof run === 'string' && run.includes(article.title)))).toBe(
      false,
    )
    expect(quotes(article)).toHaveLength(2)
    expect(article.tags).toEqual(['Krig, konflikter och oroligheter'])
  })

  it('pass our content checks once converted', () => {
    const names = ['1.6/005_complex_text_article.json', '1.6/007_multimedia.json', '2.2/004_simple_text_article.json']
    const entries = names.map((name, i) => [`story-${i}`, convert(fixture(name))] as const)
    expect(findContentProblems(site, entries)).toEqual([])
  })

  it('never carry markup: the HTML we render from them has only our <p> and <q>', () => {
    const converted: string[] = []
    for (const name of globSync('{1.6,2.2,agency-1.4,agency-2.1}/*.json', { cwd: FIXTURES })) {
      // Place and agency added where a document lacks them, so that every text document converts.
      const { article } = convertNinjs(
        JSON.stringify({ located: 'Here', copyrightholder: 'Agency', ...json(name) }),
        'en',
      )
      if (!article) continue
      converted.push(name)
      // None of these documents has a literal "<" or "&" in its text: any in ours is markup that survived.
      expect(JSON.stringify(article), name).not.toMatch(/<\/?[a-z][^>]*>|&(?:[a-z]+|#\d+);/i)
      for (const element of renderedElements(article)) expect(['p', 'q'], name).toContain(element)
    }
    expect(converted).toEqual(
      expect.arrayContaining(['agency-2.1/dpa_text.json', 'agency-1.4/businesswire-newsml-20130731006140.json']),
    )
    expect(converted.length).toBeGreaterThanOrEqual(15)
  })
})

const story = (changes: Record<string, unknown>): string =>
  JSON.stringify({
    uri: 'urn:example:wire:2026-12-03:1',
    type: 'text',
    versioncreated: '2026-12-03T09:30:00+03:00',
    copyrightholder: 'TASS',
    located: 'Moscow',
    language: 'en',
    headlines: [{ value: 'Russia, China agree on trade' }],
    subjects: [{ name: 'Russia' }, { name: 'China' }, { name: 'russia' }],
    bodies: [{ contenttype: 'text/html', value: '<p>Russia and China agreed.</p>' }],
    ...changes,
  })

describe('agency HTML', () => {
  it('becomes text and quotes: entities decoded, tags, scripts and media dropped', () => {
    const body =
      '<p>Hi <script>alert(1)</script><b>bold</b> &amp; &lt;tag&gt; &eacute;t&#233; <q>quoted</q></p>' +
      '<p>x<br>y<img src=x onerror="alert(2)"></p><blockquote><p>Said <i>so</i>.</p></blockquote><p></p>'
    const article = convert(story({ bodies: [{ contenttype: 'text/html', value: body }] }))
    expect(article.body).toEqual([['Hi bold & <tag> été ', { quote: 'quoted' }], ['x'], ['y'], [{ quote: 'Said so.' }]])
    // "<tag>" is text now: rendered, it is escaped, never an element.
    expect([...renderedElements(article)].sort()).toEqual(['p', 'q'])
  })

  it('loses our own dateline lead, in the article’s language, so that the import passes npm run check', () => {
    const english = convert(
      story({ bodies: [{ value: '<p>MOSCOW, December 3. /TASS/. Russia and China agreed.</p>' }] }),
    )
    expect(english.body[0]).toEqual(['Russia and China agreed.'])
    const russian = convert(
      story({
        language: 'ru',
        bodies: [{ contenttype: 'text/plain', value: 'МОСКВА, 3 декабря. /ТАСС/. Россия и Китай.' }],
      }),
    )
    expect(russian.body[0]).toEqual(['Россия и Китай.'])
    expect(
      findContentProblems(site, [
        ['en', english],
        ['ru', { ...russian, id: 'other' }],
      ]),
    ).toEqual([])
  })

  it('dates a revised story by firstcreated, and its revision by versioncreated', () => {
    const revised = convert(story({ firstcreated: '2026-12-03T08:00:00+03:00' }))
    expect(revised).toMatchObject({ published: '2026-12-03T08:00:00+03:00', updated: '2026-12-03T09:30:00+03:00' })
    expect(convert(story({}))).not.toHaveProperty('updated')
  })

  it('keeps each subject once, by its URL', () => {
    expect(convert(story({})).tags).toEqual(['Russia', 'China'])
  })
})

describe('bad input', () => {
  const problemsOf = (text: string) => convertNinjs(text, 'en').problems

  it('names a file that is not JSON', () => {
    expect(problemsOf('{"uri": "urn:x", ')).toEqual([
      { path: '', message: expect.stringMatching(/^is not JSON \(/), fix: expect.stringContaining('ninjs JSON') },
    ])
  })

  it('names a schema violation by its JSON path', () => {
    expect(problemsOf(story({ headlines: [{ value: 42 }] }))).toEqual([
      { path: '/headlines/0/value', message: 'must be string.', fix: expect.stringContaining('string') },
    ])
  })

  it('names a missing headline, in each generation’s own terms', () => {
    expect(problemsOf(story({ headlines: undefined }))).toEqual([
      { path: '/headlines', message: expect.stringMatching(/headline/), fix: 'add "headlines": [{ "value": "…" }].' },
    ])
    const v1 = { ...json('1.6/005_complex_text_article.json'), headline_main: undefined }
    expect(problemsOf(JSON.stringify(v1)).map((p) => p.path)).toEqual(['/headline'])
  })
})

describe('where imported articles go', () => {
  const existing: ArticleInput = { ...convert(story({ uri: 'urn:other' })), tags: ['Politics', 'Russia'] }
  const options = { folder: 'content/articles', slugOf: slugFromHeadline }

  it('a new story gets a new file named from its headline, never an existing name', () => {
    const article = convert(story({}))
    const { articles } = planImport(
      [['russia-china-agree-on-trade', existing, 'content/articles/2026/x.ts']],
      [{ input: 'a.json', uri: 'urn:x', article }],
      options,
    )
    expect(articles.map(({ file, replaces }) => ({ file, replaces }))).toEqual([
      { file: 'content/articles/russia-china-agree-on-trade-2.ts', replaces: false },
    ])
  })

  it('takes the tag spelling the site already uses, so that tags join instead of colliding', () => {
    const article = convert(story({ subjects: [{ name: 'politics' }, { name: 'RUSSIA' }, { name: 'Trade' }] }))
    const { articles } = planImport(
      [['old', existing, 'content/articles/old.ts']],
      [{ input: 'a.json', uri: 'urn:x', article }],
      options,
    )
    expect(articles[0]?.article.tags).toEqual(['Politics', 'Russia', 'Trade'])
  })
})

describe('npm run import', () => {
  const work = mkdtempSync(join(tmpdir(), 'import-cli-'))
  afterAll(() => rmSync(work, { recursive: true, force: true }))
  const articles = join(work, 'articles')
  const input = (name: string, text: string): string => {
    const path = join(work, name)
    writeFileSync(path, text)
    return path
  }
  const run = (...files: string[]): Run => runScript('scripts/import.ts', '--articles', articles, ...files)
  const files = () => readdirSync(articles)
  const load = async () => {
    const { entries, problems } = await importContentFiles(articleFiles(articles))
    expect(problems).toEqual([])
    return loadContent(site, entries).articles
  }

  it('writes an article file that passes our content checks and Biome', async () => {
    execFileSync('mkdir', ['-p', articles])
    const { status, output } = run(input('story.json', story({})))
    expect(status, output).toBe(0)
    expect(output).toMatch(/^Created .*russia-china-agree-on-trade\.ts \(id [0-9a-f]{16}\) from /)
    expect(files()).toEqual(['russia-china-agree-on-trade.ts'])
    const [article] = await load()
    expect(article).toMatchObject({ title: 'Russia, China agree on trade', source: 'TASS', dateline: 'Moscow' })
    execFileSync(join(ROOT, 'node_modules/.bin/biome'), ['format', join(articles, files()[0] as string)], { cwd: ROOT })
  })

  it('imports the same story again as the same file: unchanged, then updated in place with published kept', async () => {
    const before = readFileSync(join(articles, 'russia-china-agree-on-trade.ts'), 'utf8')
    const again = run(input('story.json', story({})))
    expect(again.output).toMatch(/^Unchanged /)
    expect(readFileSync(join(articles, 'russia-china-agree-on-trade.ts'), 'utf8')).toBe(before)
    const revised = story({
      versioncreated: '2026-12-03T11:00:00+03:00',
      headlines: [{ value: 'Russia and China sign trade deal' }],
    })
    const update = run(input('revised.json', revised))
    expect(update.status, update.output).toBe(0)
    expect(update.output).toMatch(/^Updated .*russia-china-agree-on-trade\.ts/)
    expect(files()).toEqual(['russia-china-agree-on-trade.ts'])
    const [article] = await load()
    expect(article).toMatchObject({
      title: 'Russia and China sign trade deal',
      published: '2026-12-03T09:30:00+03:00',
      updated: '2026-12-03T11:00:00+03:00',
    })
    // An older version never overwrites a newer one.
    expect(run(input('story.json', story({}))).output).toMatch(/^Skipped .*later version/)
    expect((await load())[0]?.title).toBe('Russia and China sign trade deal')
  })

  it('writes nothing when any input is bad, and names each problem on one line: file, JSON path, fix', () => {
    const before = readFileSync(join(articles, 'russia-china-agree-on-trade.ts'), 'utf8')
    const good = input('other.json', story({ uri: 'urn:example:wire:2', headlines: [{ value: 'Another story' }] }))
    const bad = input('bad.json', story({ headlines: [{ value: 42 }], extra: true }))
    const notJSON = input('not.json', '<html>')
    const { status, output } = run(good, bad, notJSON)
    expect(status).toBe(1)
    const lines = output.trim().split('\n')
    expect(lines[0]).toMatch(/^✗ 3 problems; nothing was written:$/)
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/bad\.json › \/headlines\/0\/value: must be string\. Fix: .+$/),
      expect.stringMatching(/bad\.json › \/extra: is not a property of ninjs 2\.2.* Fix: .+$/),
      expect.stringMatching(/not\.json › \(document\): is not JSON .* Fix: .+$/),
    ])
    expect(files()).toEqual(['russia-china-agree-on-trade.ts'])
    expect(readFileSync(join(articles, 'russia-china-agree-on-trade.ts'), 'utf8')).toBe(before)
  })

  it('leaves a file that npm run publish publishes like any hand-written article', () => {
    const { status, output } = runPublish(
      ...['--articles', articles, '--persist-to', join(work, 'state')],
      ...['--var', 'PUBLIC_ORIGIN:http://127.0.0.1:8799'],
    )
    expect(status, output).toBe(0)
    expect(output).toMatch(/articles 1 added, 0 changed, 0 removed; documents \d+ written/)
  }, 60_000)
})
