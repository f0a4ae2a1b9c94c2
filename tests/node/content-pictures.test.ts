/**
 * Content: pictures (a lead `image` and body figures) checked field by field, and unknown fields
 * refused in articles, figures, quotes and the site file, each naming the file, the field and
 * the fields allowed. Pure: no file is read (the files are tests/node/image-check.test.ts).
 */
import { describe, expect, it } from 'vitest'
import { articleImages } from '../../content/article-images.ts'
import { findContentProblems, loadContent } from '../../content/load.ts'
import type { ArticleInput, ImageInput, SiteInput } from '../../content/schema.ts'
import { articleSource } from '../../src/publisher/scaffold/scaffold.ts'
import { validArticle } from '../fixtures/article.ts'
import { fixtureSite } from '../fixtures/site.ts'

const picture: ImageInput = {
  src: '2026/12/harbour.jpg',
  alt: 'A harbour at dawn',
  credit: 'Photo: Ivan Petrov / TASS',
}
const FILE = 'content/articles/a.ts'

const problemsOf = (article: unknown, site: unknown = fixtureSite) =>
  findContentProblems(site as SiteInput, [['a', article as ArticleInput, FILE]]).map(
    ({ file, field, message, fix }) => ({
      file,
      field,
      message,
      fix,
    }),
  )

describe('pictures in articles', () => {
  it('accepts a lead picture and figures between paragraphs, and lists them in reading order with their fields', () => {
    const article: ArticleInput = {
      ...validArticle,
      image: { ...picture, caption: 'The harbour, <b>before</b> the storm & after' },
      body: [['One.'], { figure: { src: 'night.webp', alt: 'At night', credit: 'AFP' } }, ['Two.']],
    }
    expect(problemsOf(article)).toEqual([])
    const [loaded] = loadContent(fixtureSite, [['a', article, FILE]]).articles
    // Markup in a caption stays the literal text it is: escaping is the renderers' job.
    expect(loaded?.image?.caption).toBe('The harbour, <b>before</b> the storm & after')
    expect(articleImages(article).map(({ field, image, lead }) => [field, image.src, lead])).toEqual([
      ['image', '2026/12/harbour.jpg', true],
      ['body[1].figure', 'night.webp', false],
    ])
  })

  it.each([
    ['alt', { ...picture, alt: '' }, 'image.alt', /empty/],
    ['alt', { src: picture.src, credit: picture.credit }, 'image.alt', /must be a string, got undefined/],
    ['credit', { ...picture, credit: '  ' }, 'image.credit', /empty/],
    ['caption', { ...picture, caption: 'two\nlines' }, 'image.caption', /single line/],
    ['src', { ...picture, src: 'icon.svg' }, 'image.src', /SVG .* can carry script/],
    ['src', { ...picture, src: 'anim.gif' }, 'image.src', /is not JPEG \(\.jpg, \.jpeg\), PNG/],
    ['src', { ...picture, src: '../secrets.jpg' }, 'image.src', /not a plain path inside content\/media/],
    ['src', { ...picture, src: '/etc/a.jpg' }, 'image.src', /not a plain path/],
    ['src', { ...picture, src: 'https://example.com/a.jpg' }, 'image.src', /is a URL/],
    ['src', { ...picture, src: 'a\\b.jpg' }, 'image.src', /not a plain path/],
  ])('refuses a lead picture with a bad %s, naming the field and the fix', (_, image, field, message) => {
    const problems = problemsOf({ ...validArticle, image })
    expect(problems).toEqual([{ file: FILE, field, message: expect.stringMatching(message), fix: expect.any(String) }])
    expect(problems[0]?.fix).not.toBe('')
  })

  it('names a bad figure by its place in the body', () => {
    const article = {
      ...validArticle,
      body: [['One.'], ['Two.'], ['Three.'], { figure: { src: 'a.jpg', alt: 'x', credit: '' } }],
    }
    expect(problemsOf(article).map((p) => p.field)).toEqual(['body[3].figure.credit'])
    expect(problemsOf({ ...validArticle, body: [['One.'], { figure: 'a.jpg' }] }).map((p) => p.field)).toEqual([
      'body[1].figure',
    ])
  })

  it('still wants text: a body of figures only has no paragraphs', () => {
    expect(problemsOf({ ...validArticle, body: [{ figure: picture }] }).map((p) => [p.field, p.message])).toEqual([
      ['body', 'has no paragraphs.'],
    ])
  })

  it('accepts extensions in any case and folders of any depth', () => {
    for (const src of ['a/b/c/d.JPG', 'x.jpeg', 'y.png', 'z.webp', 'w.avif'])
      expect(problemsOf({ ...validArticle, image: { ...picture, src } })).toEqual([])
  })

  it('normalises the texts of pictures to NFC, as every other text (lead and figure each alone)', () => {
    const decomposed = 'Cafe\u0301'
    const lead = { ...validArticle, image: { ...picture, alt: decomposed } }
    expect(loadContent(fixtureSite, [['a', lead, FILE]]).articles[0]?.image?.alt).toBe('Caf\u00e9')
    const figure = { ...validArticle, body: [['x'], { figure: { ...picture, credit: decomposed } }] }
    expect(loadContent(fixtureSite, [['a', figure, FILE]]).articles[0]?.body[1]).toEqual({
      figure: { ...picture, credit: 'Caf\u00e9' },
    })
  })
})

describe('unknown fields', () => {
  it('refuses a typo in an article, naming the file, the field and the fields allowed', () => {
    const problems = problemsOf({ ...validArticle, imgae: picture })
    expect(problems).toEqual([
      {
        file: FILE,
        field: 'imgae',
        message: expect.stringContaining('not a field we know'),
        fix: expect.stringContaining(
          'id, title, standfirst, dateline, source, published, updated, language, tags, image, body',
        ),
      },
    ])
  })

  it('refuses a field the schema does not have (an editor’s note that would have vanished)', () => {
    expect(problemsOf({ ...validArticle, editorsNote: 'Fixed a name.' }).map((p) => p.field)).toEqual(['editorsNote'])
  })

  it('refuses unknown fields inside a picture, a figure block and a quotation', () => {
    const article = {
      ...validArticle,
      image: { ...picture, licence: 'CC' },
      body: [['a ', { quote: 'b', by: 'c' }], { figure: picture, align: 'left' }],
    }
    expect(problemsOf(article).map((p) => [p.field, p.fix.replace(/.*allowed are: /, '')])).toEqual([
      ['image.licence', 'src, alt, caption, credit.'],
      ['body[0][1].by', 'quote.'],
      ['body[1].align', 'figure.'],
    ])
  })

  it('refuses a typo in the site file, naming content/site.ts and its fields', () => {
    const problems = problemsOf(validArticle, { ...fixtureSite, ttlMinuts: 15 })
    expect(problems).toEqual([
      {
        file: 'content/site.ts',
        field: 'ttlMinuts',
        message: expect.any(String),
        fix: expect.stringContaining('ttlMinutes, feedSize, archivePageSize'),
      },
    ])
  })

  it('is exact about case: Title is not title', () => {
    expect(problemsOf({ ...validArticle, Title: 'x' }).map((p) => p.field)).toEqual(['Title'])
  })
})

describe('npm run new', () => {
  it('shows the picture fields commented out, in a shape that passes the checks once uncommented', () => {
    const source = articleSource({ headline: 'H', id: '0123456789abcdef', published: '2026-11-27' })
    const [image, figure] = [...source.matchAll(/^\s*\/\/ (image: \{.*\}|\{ figure: .*\}),$/gm)].map((m) => m[1])
    expect(image).toBeDefined()
    expect(figure).toBeDefined()
    const filled = {
      ...validArticle,
      ...new Function(`return { ${image} }`)(),
      body: [['Text.'], new Function(`return ${figure}`)()],
    }
    expect(problemsOf(filled)).toEqual([])
  })
})
