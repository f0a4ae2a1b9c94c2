/**
 * The W3C Feed Validation Service's own code (github.com/w3c/feedvalidator, in
 * tests/interop/feedvalidator: the `feedvalidator` package at the commit its README names) finds
 * no error and no warning in our RSS and Atom: the site's feeds with pictures and the site icon,
 * a tag's feed, an RFC 5005 archive page, a corrected article, and a bilingual site's feeds,
 * mixed-language and per language. JSON Feed is not its format (tests/renderers.test.ts checks
 * JSON Feed 1.1).
 *
 * It runs in Python with html5lib, Debian's python3-html5lib: `.ci/run` installs it and sets
 * READERS_REQUIRED=1; elsewhere the suite says it skipped.
 */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type Content, loadContent } from '../../content/load.ts'
import { renderAtom } from '../../src/publisher/feed/atom.ts'
import { buildFeedModel } from '../../src/publisher/feed/build.ts'
import { buildCatalog, type CatalogMedia } from '../../src/publisher/feed/catalog.ts'
import type { FeedModel } from '../../src/publisher/feed/model.ts'
import { renderRSS } from '../../src/publisher/feed/rss.ts'
import { article } from '../fixtures/article.ts'
import { bilingualContent } from '../fixtures/bilingual.ts'
import { generatedContent } from '../fixtures/generated.ts'
import { fixtureSite } from '../fixtures/site.ts'
import { fixtureCatalogMedia } from '../helpers/encoded-pictures.ts'
import { pythonWith, READERS_REQUIRED } from '../helpers/external-programs.ts'

const ROOT = join(import.meta.dirname, '../..')
const ORIGIN = 'https://news.example'
const HUB = `${ORIGIN}/websub`
const VALIDATOR = join(ROOT, 'tests/interop/feedvalidator/src')

const python = pythonWith('html5lib')
const required = READERS_REQUIRED
if (!required && python === undefined)
  console.warn('w3c-feedvalidator: skipped (no Python with html5lib; apt-get install python3-html5lib)')

type Finding = { level: 'error' | 'warning'; type: string; params: Record<string, unknown> }

/**
 * The validator's findings for a document served at `url` (its self link is checked against it),
 * as check.cgi reports them: errors and warnings (informational notes left out).
 */
const validate = (text: string, url: string): Finding[] => {
  const script = `
import json, sys
sys.path.insert(0, ${JSON.stringify(VALIDATOR)})
import feedvalidator
from feedvalidator.logging import Error, Warning
events = feedvalidator.validateString(sys.stdin.buffer.read(), firstOccurrenceOnly=1, base=sys.argv[1])['loggedEvents']
print(json.dumps([{"level": "error" if isinstance(e, Error) else "warning", "type": type(e).__name__,
  "params": {k: str(v) for k, v in e.params.items()}} for e in events if isinstance(e, (Error, Warning))]))
`
  return JSON.parse(execFileSync(python as string, ['-c', script, url], { input: text, encoding: 'utf8' }))
}

const pictureMedia = (content: Content): CatalogMedia => fixtureCatalogMedia(content, ORIGIN)

const withPictures = loadContent(fixtureSite, [
  [
    'harbour',
    article({
      id: 'p-1',
      title: 'Harbour reopens after the storm',
      published: '2026-11-02T10:00:00Z',
      tags: ['Ports'],
      image: {
        src: 'lead.jpg',
        alt: 'Ships at dawn',
        caption: 'The harbour at dawn',
        credit: 'Photo: Ivan Petrov / TASS',
      },
      body: [['First.'], { figure: { src: 'figure.png', alt: 'Night view', credit: 'Photo: A. Bell' } }, ['Second.']],
      corrections: [{ date: '2026-11-03T09:00:00Z', text: 'An earlier version misstated the day the port closed.' }],
    }),
  ],
  ['plain', article({ id: 'p-2', title: 'Quay extended', published: '2026-11-01T10:00:00Z', tags: ['Ports'] })],
])

/** `count` articles an hour apart. */
const hourly = (count: number): Content =>
  loadContent(
    fixtureSite,
    Array.from({ length: count }, (_, i) => [
      `h-${i}`,
      article({
        id: `h-${i}`,
        title: `Hour ${i}`,
        published: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000).toISOString().replace('.000Z', 'Z'),
      }),
    ]),
  )

type Case = {
  name: string
  content: Content
  media?: CatalogMedia
  ref?: Omit<Parameters<typeof buildFeedModel>[1], 'origin'>
}
const cases: Case[] = [
  {
    name: 'the site, with pictures, the icon and a correction',
    content: withPictures,
    media: pictureMedia(withPictures),
    ref: { hub: HUB },
  },
  { name: 'a tag', content: withPictures, media: pictureMedia(withPictures), ref: { tag: 'ports', hub: HUB } },
  { name: 'an archive page', content: hourly(120), ref: { page: 1 } },
  { name: 'a bilingual site, all languages', content: bilingualContent(), ref: { hub: HUB } },
  { name: 'a bilingual site, its Russian feed', content: bilingualContent(), ref: { language: 'ru', hub: HUB } },
]

describe.skipIf(!required && python === undefined)('the W3C feed validator', () => {
  for (const { name, content, media, ref } of cases)
    it(`finds nothing in RSS and Atom: ${name}`, () => {
      const model = buildFeedModel(buildCatalog(content, media), { origin: ORIGIN, ...ref }) as FeedModel
      expect(model.items.length).toBeGreaterThan(0)
      for (const [text, url] of [
        [renderRSS(model), model.links.rss],
        [renderAtom(model), model.links.atom],
      ] as const)
        expect(validate(text, url), url).toEqual([])
    })

  /**
   * Two articles published at the same instant (generated content has two an hour) share their
   * `atom:updated`: the validator warns DuplicateUpdated, and its documentation
   * (docs/warning/DuplicateUpdated.html) says "If the two atom:entry elements in question were
   * updated at the same time, then no action is necessary". We state the dates the content gives
   * and invent none, so that warning — and only it — is what such content gets.
   */
  it('warns only DuplicateUpdated when two articles share their date, as the content says', () => {
    const model = buildFeedModel(buildCatalog(generatedContent(120)), { origin: ORIGIN, page: 1 }) as FeedModel
    const types = validate(renderAtom(model), model.links.atom).map((finding) => finding.type)
    expect(new Set(types)).toEqual(new Set(['DuplicateUpdated']))
    expect(validate(renderRSS(model), model.links.rss)).toEqual([])
  })

  // The validator is not a formality: a feed we would never write is refused.
  it('reports an RSS item with an enclosure that has no length', () => {
    const model = buildFeedModel(buildCatalog(withPictures, pictureMedia(withPictures)), {
      origin: ORIGIN,
    }) as FeedModel
    const broken = renderRSS(model).replace(/ length="\d+"/, '')
    expect(validate(broken, model.links.rss).map((finding) => finding.type)).toContain('MissingAttribute')
  })
})
