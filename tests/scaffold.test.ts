/** `npm run new`: the file it writes is typed and fails the check until filled; the index it rewrites loads. */
import { describe, expect, it } from 'vitest'
import index from '../content/index.ts?raw'
import { findContentProblems } from '../content/load.ts'
import site from '../content/site.ts'
import { articleSource, identifierFromSlug, registerArticle, slugFromHeadline } from '../scripts/scaffold.ts'

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

  it('makes an identifier from a slug that cannot clash with index.ts names or reserved words', () => {
    expect(identifierFromSlug('china-russia-2026')).toBe('articleChinaRussia2026')
    expect(identifierFromSlug('2026-outlook')).toBe('article2026Outlook')
    for (const slug of ['content', 'site', 'delete', 'new', 'default'])
      expect(identifierFromSlug(slug)).toMatch(/^article[A-Z]/)
    expect(identifierFromSlug('rossiya-i-kitay')).toBe('articleRossiyaIKitay')
    expect(identifierFromSlug('صندوق-النقد-3')).toBe('articleصندوقالنقد3')
  })

  it('numbers a second article whose name would be the same', () => {
    const once = registerArticle(index, 'a1b')
    const twice = registerArticle(once, 'a-1b')
    expect(twice).toContain("import articleA1b from './articles/a1b.ts'")
    expect(twice).toContain("import articleA1b2 from './articles/a-1b.ts'")
    expect(twice).toContain("  ['a-1b', articleA1b2],")
  })

  it('numbers a second article of the same name in any script, and keeps names short', () => {
    const twice = registerArticle(registerArticle(index, 'صندوق-النقد'), 'صندوق-النقد-')
    expect(twice).toContain("import articleصندوقالنقد2 from './articles/صندوق-النقد-.ts'")
    expect(Array.from(identifierFromSlug('東'.repeat(60)))).toHaveLength('article'.length + 40)
  })

  it('writes every entry on one line, as npm run check reads them, even in a wide script', () => {
    let updated = index
    const slugs = ['東'.repeat(60), 'rossiya-i-kitay-ukrepyat-sotrudnichestvo-v-sfere', 'صندوق-النقد-الدولي']
    for (const slug of slugs) updated = registerArticle(updated, slug)
    // The pattern scripts/check.ts uses.
    const listed = [...updated.matchAll(/^\s*\['([^']+)',/gm)].map((match) => match[1])
    expect(listed).toEqual(['china-russia-security-cooperation', ...slugs])
    expect(updated).toContain(
      `  // biome-ignore format: npm run check reads each entry from one line\n  ['${slugs[0]}',`,
    )
    expect(updated.match(/biome-ignore/g)).toHaveLength(1)
  })

  it('registers the article in content/index.ts', () => {
    const updated = registerArticle(index, 'new-story')
    expect(updated).toContain("import articleNewStory from './articles/new-story.ts'\n")
    expect(updated).toContain(
      "  ['china-russia-security-cooperation', chinaRussiaSecurityCooperation],\n  ['new-story', articleNewStory],\n]",
    )
    expect(() => registerArticle('export const x = 1', 'a')).toThrow(/articleEntries/)
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
