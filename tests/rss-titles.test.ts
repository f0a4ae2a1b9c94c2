/**
 * RSS titles that look like markup: what three real parsers show for a title whose literal
 * text holds "&amp;" and "<b>", written the usual way (named references) and the RSS Profile's
 * way (hexadecimal references), which we publish; and the advice `npm run check` gives.
 */
import { parseFeed as parseWithRowan } from '@rowanmanning/feed-parser'
import { parseRssFeed } from 'feedsmith'
import RSSParser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import { findContentAdvice, findContentProblems, loadContent } from '../content/load.ts'
import site from '../content/site.ts'
import { renderRSS } from '../src/publisher/feed/rss.ts'
import { article as anArticle } from './fixtures/article.ts'
import { modelOf } from './helpers/model.ts'
import { children, only, parseXMLStrict } from './helpers/xml.ts'

/** The literal text of the headline: an entity name and a tag, meant to be read as written. */
const TITLE = 'Why &amp; and <b> show up in headlines'

const rssWithTitle = (encoded: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${encoded}</title><link>https://x.example/</link><description>d</description><item><title>${encoded}</title><guid isPermaLink="false">a</guid></item></channel></rss>`

/** The item title each parser returns. */
const titles = async (xml: string) => ({
  feedsmith: parseRssFeed(xml).items?.[0]?.title,
  rowan: parseWithRowan(xml).items[0]?.title,
  rssParser: (await new RSSParser().parseString(xml)).items[0]?.title,
})

describe('what readers show for a title with literal "&amp;" and "<b>"', () => {
  it('with named references (&amp;amp; &lt;b&gt;), one parser decodes once more and shows "&"', async () => {
    const named = rssWithTitle('Why &amp;amp; and &lt;b&gt; show up in headlines')
    expect(parseXMLStrict(named).root.children[0]?.children[0]?.text).toBe(TITLE)
    expect(await titles(named)).toEqual({
      feedsmith: TITLE,
      rowan: 'Why & and <b> show up in headlines',
      rssParser: TITLE,
    })
  })

  it('with the RSS Profile hexadecimal references (&#x26;amp; &#x3C;b>), all three show the exact text', async () => {
    const hex = rssWithTitle('Why &#x26;amp; and &#x3C;b> show up in headlines')
    expect(await titles(hex)).toEqual({ feedsmith: TITLE, rowan: TITLE, rssParser: TITLE })
  })
})

const article = anArticle({ title: TITLE, source: 'Wire & Co', tags: ['R&D'] })
const content = loadContent({ ...site, title: 'News &amp; <i>views</i>' }, [['why', article]])

describe('our RSS', () => {
  const rss = renderRSS(modelOf(content, 'https://news.example.com'))
  const channel = only(parseXMLStrict(rss).root, 'channel')

  it('encodes & and < in every plain-text element as &#x26; and &#x3C; (RSS Profile)', () => {
    expect(rss).toContain('<title>Why &#x26;amp; and &#x3C;b&#x3E; show up in headlines</title>')
    expect(rss).toContain('<title>News &#x26;amp; &#x3C;i&#x3E;views&#x3C;/i&#x3E;</title>')
    expect(rss).toContain('<category>R&#x26;D</category>')
    expect(rss).toContain('<dc:creator>Wire &#x26; Co</dc:creator>')
    expect(rss).not.toMatch(/<(title|category|dc:creator)>[^<]*&(amp|lt|gt);/)
  })

  it('keeps the exact text for a strict XML parser', () => {
    expect(only(channel, 'title').text).toBe('News &amp; <i>views</i>')
    expect(only(children(channel, 'item')[0] ?? channel, 'title').text).toBe(TITLE)
  })

  it('is read back exactly by feedsmith, @rowanmanning/feed-parser and rss-parser', async () => {
    expect(await titles(rss)).toEqual({ feedsmith: TITLE, rowan: TITLE, rssParser: TITLE })
    expect(parseWithRowan(rss).title).toBe('News &amp; <i>views</i>')
  })
})

describe('npm run check', () => {
  it('advises, without failing, on titles that look like markup or entities', () => {
    expect(findContentProblems(site, [['why', article]])).toEqual([])
    const advice = findContentAdvice(content)
    expect(advice.map((a) => [a.file, a.field, a.message])).toEqual([
      ['content/site.ts', 'title', expect.stringContaining('"&amp;…", which looks like HTML')],
      ['content/articles/why.ts', 'title', expect.stringContaining('"&amp;…", which looks like HTML')],
    ])
  })

  it.each(['a <b>bold</b> claim', 'R&amp;D', 'caf&eacute;', 'x &#38; y', 'x &#x26; y', '<!-- note -->'])(
    'advises on %j',
    (title) => expect(findContentAdvice(loadContent(site, [['a', { ...article, title }]]))).toHaveLength(1),
  )

  it.each(['Tom & Jerry', '1 < 2 and 3 > 2', 'AT&T, a tale', 'a & b; c'])('does not advise on %j', (title) =>
    expect(findContentAdvice(loadContent(site, [['a', { ...article, title }]]))).toEqual([]),
  )
})
