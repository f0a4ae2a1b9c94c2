/**
 * Wire copy: a body that opens with the dateline lead the page prints itself ("MOSCOW,
 * December 3. /TASS/.") is refused by the content check, with the file, `body[0]` and the fix,
 * in the article's language; ordinary first sentences are not.
 */
import { describe, expect, it } from 'vitest'
import { findDatelineLead } from '../content/dateline-lead.ts'
import { findContentProblems, loadContent } from '../content/load.ts'
import type { ArticleInput } from '../content/schema.ts'
import site from '../content/site.ts'
import { formatDateline } from '../src/publisher/feed/body.ts'
import { validArticle } from './fixtures/article.ts'

const wire: ArticleInput = {
  ...validArticle,
  dateline: 'Moscow',
  source: 'TASS',
  published: '2026-12-03',
  body: [['Russia and China agreed to expand trade.'], ['A second paragraph.']],
}

const problemsOf = (article: ArticleInput) => findContentProblems(site, [['wire-copy', article]])

describe('the dateline lead in a body', () => {
  it('refuses the lead our own renderer prints, naming the file, body[0] and the fix', () => {
    const lead = formatDateline(wire)
    expect(lead).toBe('MOSCOW, December 3. /TASS/.')
    const problems = problemsOf({ ...wire, body: [[`${lead} Russia and China agreed to expand trade.`]] })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'content/articles/wire-copy.ts', field: 'body[0]' })
    expect(problems[0]?.message).toContain('"MOSCOW, December 3. /TASS/."')
    expect(problems[0]?.fix).toMatch(/^delete "MOSCOW, December 3\. \/TASS\/\." from the start of the first paragraph/)
  })

  it('accepts the same body without the lead, and the page prints the lead once', () => {
    expect(problemsOf(wire)).toEqual([])
    const [article] = loadContent(site, [['wire-copy', wire]]).articles
    expect(article?.body[0]).toEqual(['Russia and China agreed to expand trade.'])
  })

  it('recognises the lead in the article’s language, with CLDR month names and order', () => {
    const russian = { ...wire, language: 'ru', body: [['МОСКВА, 3 декабря. /ТАСС/. Россия и Китай договорились.']] }
    expect(problemsOf(russian).map((p) => p.field)).toEqual(['body[0]'])
    expect(findDatelineLead('BERLIN, 3. Dezember. /dpa/. Die Regierung…', 'de')).toBe('BERLIN, 3. Dezember. /dpa/. ')
    expect(findDatelineLead('PARIS, 3 décembre 2026. /AFP/. Le…', 'fr')).toBe('PARIS, 3 décembre 2026. /AFP/. ')
    // In English too, whatever the article's language: our renderer writes English month names.
    expect(findDatelineLead('MOSCOW, December 3. /TASS/. Россия…', 'ru')).toBe('MOSCOW, December 3. /TASS/. ')
  })

  it('leaves ordinary openings alone, slashes and dates included', () => {
    for (const opening of [
      'Prices rose by 3/4 on December 3, analysts said.',
      'The 24/7 service, launched December 3. /TASS/ reported it.',
      'LONDON, December 3 (Reuters) - Shares fell.',
      'Moscow and Beijing, on December 3, signed a treaty. /TASS/ has the text.',
    ])
      expect(problemsOf({ ...wire, body: [[opening]] }), opening).toEqual([])
  })

  it('looks only at the first paragraph’s opening text, not at a quotation or later paragraphs', () => {
    expect(problemsOf({ ...wire, body: [[{ quote: 'MOSCOW, December 3. /TASS/. x' }]] })).toEqual([])
    expect(problemsOf({ ...wire, body: [['Text.'], ['MOSCOW, December 3. /TASS/. x']] })).toEqual([])
  })
})
