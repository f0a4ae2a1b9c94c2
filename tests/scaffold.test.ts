/** `npm run new`: the file it writes is typed and fails the check until filled. */
import { describe, expect, it } from 'vitest'
import { findContentProblems } from '../content/load.ts'
import site from '../content/site.ts'
import { articleSource, slugFromHeadline } from '../src/publisher/scaffold/scaffold.ts'

describe('npm run new', () => {
  it('derives a kebab-case slug from any headline (more scripts in slugs.test.ts)', () => {
    expect(slugFromHeadline('China, Russia to strengthen security cooperation – Chinese expert')).toBe(
      'china-russia-to-strengthen-security-cooperation-chinese',
    )
    expect(slugFromHeadline('Côte d’Ivoire: élections 2026!')).toBe('cote-d-ivoire-elections-2026')
    // Letters of scripts without a standard romanization are kept (percent-encoded in URLs).
    expect(slugFromHeadline('日本')).toBe('日本')
    // One word longer than a slug is cut, no longer replaced by "article".
    expect(slugFromHeadline('a'.repeat(80))).toBe('a'.repeat(60))
    expect(slugFromHeadline('!!!')).toBe('article')
  })

  it('writes an article that names every field still to fill', async () => {
    const source = articleSource({ headline: 'A "quoted" headline', id: '0123456789abcdef', published: '2026-11-27' })
    expect(source).toContain('title: "A \\"quoted\\" headline",')
    // Evaluate the object literal the file exports, as the loader would see it.
    const literal = source.slice(source.indexOf('defineArticle(') + 'defineArticle('.length, source.lastIndexOf(')'))
    const article = new Function(`return (${literal})`)()
    const problems = findContentProblems(site, [['a-quoted-headline', article]])
    expect(problems.map((p) => p.field)).toEqual(['standfirst', 'dateline', 'source', 'body[0]'])
  })
})
