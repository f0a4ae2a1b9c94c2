/**
 * @module
 * The code version comes from the modules the renderers really reach (src/publisher/node/module-graph.ts),
 * not a hand list (issue 16). On a copy of the project, a change to a module the renderers use only
 * indirectly — the tag slug rule in content/tags.ts — changes the code version; the next publish
 * re-renders every document, writes every one whose bytes changed, and afterwards every link on
 * every published page and feed resolves to a stored document. A module no renderer reaches (a
 * Worker route) changes nothing.
 */
import { execFileSync } from 'node:child_process'
import {
  appendFileSync,
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getPlatformProxy } from 'wrangler'
import { article, articleFile } from '../fixtures/article.ts'
import { linksOf } from '../helpers/links.ts'

const ROOT = join(import.meta.dirname, '../..')
const ORIGIN = 'http://publisher.test'
const work = mkdtempSync(join(tmpdir(), 'code-version-'))
const copy = join(work, 'project')
const articles = join(work, 'articles')
const state = join(work, 'state')
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The project without its articles (the fixture articles below stand in for them). */
const copyProject = () => {
  for (const part of ['src', 'scripts', 'migrations', 'package.json', 'wrangler.toml', 'tsconfig.json'])
    cpSync(join(ROOT, part), join(copy, part), { recursive: true })
  cpSync(join(ROOT, 'content'), join(copy, 'content'), {
    recursive: true,
    filter: (source) => !source.startsWith(join(ROOT, 'content/articles')),
  })
  symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir')
}

const TAGS = [['Trade', 'Energy'], ['Trade'], ['Energy', 'Côte d’Ivoire']] as const

const writeArticles = () => {
  mkdirSync(articles, { recursive: true })
  TAGS.forEach((tags, i) => {
    const input = article({
      id: `story-${i}`,
      title: `Story ${i}`,
      published: `2026-11-0${i + 1}T10:00:00Z`,
      tags: [...tags],
    })
    writeFileSync(join(articles, `story-${i}.ts`), articleFile(input, join(copy, 'content/schema.ts')))
  })
}

/** The code version `npm run publish` would use in the copy. */
const codeVersion = (): string =>
  execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      "const { codeVersion } = await import('./src/publisher/node/publisher.ts'); console.log(await codeVersion())",
    ],
    { cwd: copy, encoding: 'utf8' },
  ).trim()

const publish = (): string =>
  execFileSync(
    process.execPath,
    [
      'scripts/publish.ts',
      ...['--articles', articles, '--persist-to', state],
      ...['--var', `PUBLIC_ORIGIN:${ORIGIN}`, '--no-notify'],
    ],
    { cwd: copy, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  )

type Stored = { readonly status: number; readonly etag: string; readonly body?: string; readonly type?: string }

/** What the index and the bucket hold, read as the Worker reads them (wrangler's local state). */
const readState = async (): Promise<Map<string, Stored>> => {
  const proxy = await getPlatformProxy<{ DB: D1Database; ARCHIVE: R2Bucket }>({
    configPath: join(copy, 'wrangler.toml'),
    persist: { path: join(state, 'v3') },
  })
  try {
    const { results } = await proxy.env.DB.prepare('SELECT path, status, etag FROM documents').all<{
      path: string
      status: number
      etag: string
    }>()
    const stored = new Map<string, Stored>()
    for (const { path, status, etag } of results) {
      const object = status === 200 ? await proxy.env.ARCHIVE.get(path) : null
      stored.set(path, {
        status,
        etag,
        ...(object && { body: await object.text(), type: object.httpMetadata?.contentType ?? '' }),
      })
    }
    return stored
  } finally {
    await proxy.dispose()
  }
}

/** The tags' slugs before the change, as paths (percent-encoded) name them. */
const slugsBefore = ['trade', 'energy', encodeURIComponent('côte-d-ivoire')]
const PER_TAG = ['', '/feed.xml', '/atom.xml', '/feed.json'] as const

let before: Map<string, Stored>
let after: Map<string, Stored>
let versions: { before: string; after: string; workerChanged: string }
let output: string

beforeAll(async () => {
  copyProject()
  writeArticles()
  const first = codeVersion()
  publish()
  before = await readState()
  // The change: every tag slug gets a prefix (content/tags.ts, reached by the renderers only
  // through the catalog and model).
  const tags = join(copy, 'content/tags.ts')
  writeFileSync(tags, readFileSync(tags, 'utf8').replace(/return slug\n/, "return 't-' + slug\n"))
  const second = codeVersion()
  output = publish()
  after = await readState()
  appendFileSync(join(copy, 'src/worker/routes/redirects.ts'), '\n// A change no renderer reaches.\n')
  versions = { before: first, after: second, workerChanged: codeVersion() }
}, 120_000)

describe('a change to the tag slug rule', () => {
  it('is a new code version', () => {
    expect(versions.after).toMatch(/^[0-9a-f]{16}$/)
    expect(versions.after).not.toBe(versions.before)
  })

  it('re-renders every document, and writes every one whose bytes changed', () => {
    const total = /(\d+) documents, (\d+) to render/.exec(output)
    expect(total?.[2], output).toBe(total?.[1])
    const changed = [...after].filter(([path, now]) => now.status === 200 && before.get(path)?.etag !== now.etag)
    expect(output).toContain(`documents ${changed.length} written`)
    const gone = [...after].filter(([path, now]) => now.status === 410 && before.get(path)?.status === 200)
    expect(output).toContain(`${gone.length} removed`)
  })

  it('rewrites every article page and moves every tag page and feed to its new slug', () => {
    for (const i of TAGS.keys()) {
      const path = `/articles/story-${i}`
      expect(after.get(path)?.status).toBe(200)
      expect(after.get(path)?.etag).not.toBe(before.get(path)?.etag)
    }
    for (const slug of slugsBefore)
      for (const suffix of PER_TAG) {
        expect(before.get(`/tags/${slug}${suffix}`)?.status).toBe(200)
        expect(after.get(`/tags/${slug}${suffix}`)?.status).toBe(410)
        expect(after.get(`/tags/t-${slug}${suffix}`)?.status).toBe(200)
      }
  })

  it('leaves no link on any published page or feed pointing at a document not stored', () => {
    const internal: string[] = []
    for (const [path, { body, type }] of after) {
      if (body === undefined || type === undefined) continue
      for (const link of linksOf(body, type)) {
        // The error pages (keys outside the URL space) are served at any address: resolve theirs from the root.
        const url = new URL(link, path.startsWith('/') ? `${ORIGIN}${path}` : `${ORIGIN}/`)
        if (url.origin === ORIGIN) internal.push(`${path} → ${url.pathname}`)
      }
    }
    // Our hub is a Worker route, not a stored document.
    const broken = internal.filter((link) => {
      const target = link.split(' → ')[1] as string
      return target !== '/websub' && after.get(target)?.status !== 200
    })
    expect(internal.length).toBeGreaterThan(50)
    expect(broken).toEqual([])
  })
})

describe('a change to a module no renderer reaches', () => {
  it('leaves the code version as it was', () => {
    expect(versions.workerChanged).toBe(versions.after)
  })
})
