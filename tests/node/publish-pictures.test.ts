/**
 * `npm run publish` with pictures, end to end in Node: a generated JPEG in a temporary content
 * folder is checked, encoded by sharp and stored in R2 under content-addressed keys; a second run
 * encodes nothing; a second article using the same file stores nothing new; a bad file fails the
 * run before anything is written. Each run publishes into its own temporary state folder.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import exifr from 'exifr'
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { getPlatformProxy } from 'wrangler'
import type { ArticleInput } from '../../content/schema.ts'
import { article as anArticle, articleFile } from '../fixtures/article.ts'
import { photo } from '../helpers/pictures.ts'
import { type Run, runPublish } from '../helpers/publish-cli.ts'

const ROOT = join(import.meta.dirname, '../..')
const work = mkdtempSync(join(tmpdir(), 'publish-pictures-'))
const articles = join(work, 'articles')
const media = join(work, 'media')
const state = join(work, 'state')
afterAll(() => rmSync(work, { recursive: true, force: true }))

const write = (path: string, source: string | Buffer) => {
  mkdirSync(join(path, '..'), { recursive: true })
  writeFileSync(path, source)
}
const article = (id: string, fields: Partial<ArticleInput>) =>
  articleFile(
    anArticle({ id, title: `Story ${id}`, published: '2026-11-02T10:00:00Z', ...fields }),
    join(ROOT, 'content/schema.ts'),
  )

const publish = (): Run =>
  runPublish(
    ...['--articles', articles, '--media', media, '--persist-to', state],
    ...['--var', 'PUBLIC_ORIGIN:http://127.0.0.1:8798', '--no-notify'],
  )

/** The objects R2 holds under /media/, by key, with their bytes, read from the local state. */
const storedMedia = async (): Promise<Map<string, Uint8Array>> => {
  const proxy = await getPlatformProxy<{ ARCHIVE: R2Bucket }>({
    configPath: join(ROOT, 'wrangler.toml'),
    persist: { path: join(state, 'v3') },
  })
  try {
    const listed = await proxy.env.ARCHIVE.list({ prefix: '/media/' })
    const stored = new Map<string, Uint8Array>()
    for (const { key } of listed.objects) {
      const object = await proxy.env.ARCHIVE.get(key)
      stored.set(key, new Uint8Array((await object?.arrayBuffer()) ?? new ArrayBuffer(0)))
    }
    return stored
  } finally {
    await proxy.dispose()
  }
}

/** Every key in the bucket. */
const storedObjects = async (): Promise<string[]> => {
  const proxy = await getPlatformProxy<{ ARCHIVE: R2Bucket }>({
    configPath: join(ROOT, 'wrangler.toml'),
    persist: { path: join(state, 'v3') },
  })
  try {
    return (await proxy.env.ARCHIVE.list()).objects.map((object) => object.key)
  } finally {
    await proxy.dispose()
  }
}

const lead = { src: '2026/12/harbour.jpg', alt: 'Ships at dawn', credit: 'Photo: Ivan Petrov / TASS' }

describe('npm run publish with pictures', () => {
  it('refuses a file that is not what its name says, naming file and field, and writes nothing', async () => {
    write(join(media, 'fake.jpg'), '<html><script>alert(1)</script></html>')
    write(join(articles, 'fake.ts'), article('f1', { image: { ...lead, src: 'fake.jpg' } }))
    const run = publish()
    expect(run.status, run.output).toBe(1)
    expect(run.output).toMatch(/fake\.ts.*image\.src.*markup/)
    expect(run.output).toContain('nothing was published')
    rmSync(join(articles, 'fake.ts'))
    // Storage is opened beside the checks (scripts/publish.ts), but nothing reached it.
    if (existsSync(state)) expect((await storedObjects()).length).toBe(0)
  }, 120_000)

  it('encodes every variant into R2 under content-addressed keys, with no metadata', async () => {
    // 1600 px wide: variants at 320, 640, 960, 1280 and 1600 in three formats. A phone's EXIF:
    // where it was taken, and the camera's serial number.
    const gps = {
      GPSLatitudeRef: 'N',
      GPSLatitude: '55/1 45/1 21/1',
      GPSLongitudeRef: 'E',
      GPSLongitude: '37/1 37/1 4/1',
    }
    const source = await sharp(await photo(1600, 1000, 'jpeg', 7))
      .withExifMerge({ IFD0: { Make: 'PhoneMaker' }, IFD2: { BodySerialNumber: 'SN-1' }, IFD3: gps })
      .jpeg({ quality: 90 })
      .toBuffer()
    expect((await exifr.gps(source))?.latitude).toBeCloseTo(55.756, 2)
    write(join(media, lead.src), source)
    write(join(articles, 'harbour.ts'), article('h1', { image: lead }))
    const run = publish()
    expect(run.status, run.output).toBe(0)
    expect(run.output).toContain('pictures 1 encoded, 15 variants written')
    const stored = await storedMedia()
    expect(stored.size).toBe(15)
    const keys = [...stored.keys()]
    const fingerprint = keys[0]?.split('/')[2] as string
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/)
    expect(keys.sort()).toEqual(
      [320, 640, 960, 1280, 1600]
        .flatMap((w) => ['avif', 'jpg', 'webp'].map((e) => `/media/${fingerprint}/${w}.${e}`))
        .sort(),
    )
    for (const [key, bytes] of stored) {
      const info = await sharp(bytes).metadata()
      expect(info.width, key).toBe(Number(key.split('/')[3]?.split('.')[0]))
      expect([info.exif, info.xmp, info.iptc], key).toEqual([undefined, undefined, undefined])
      // exifr reads JPEG and AVIF (not WebP, for which sharp's reading above stands).
      if (!key.endsWith('.webp')) expect(await exifr.parse(bytes, { gps: true, makerNote: true }), key).toBeUndefined()
    }
  }, 180_000)

  it('encodes nothing when run again, nor when only an article file was touched', () => {
    const again = publish()
    expect(again.status, again.output).toBe(0)
    expect(again.output).toContain('its receipt says so')
    expect(again.output).toContain('documents 0 written')
    // Past the receipt: the picture cache says the file is unchanged, the index that its variants are stored.
    const now = new Date()
    utimesSync(join(articles, 'harbour.ts'), now, now)
    const run = publish()
    expect(run.status, run.output).toBe(0)
    expect(run.output).toContain('pictures 0 encoded, 0 variants written')
    expect(run.output).toContain('documents 0 written')
    expect(run.output).toContain('1 picture checked (0 read')
  }, 120_000)

  it('stores nothing new for a second article using the same file', async () => {
    const before = await storedMedia()
    write(join(articles, 'quay.ts'), article('q1', { image: { ...lead, alt: 'The quay' } }))
    const run = publish()
    expect(run.status, run.output).toBe(0)
    expect(run.output).toContain('articles 1 added')
    expect(run.output).toContain('pictures 0 encoded, 0 variants written')
    expect([...(await storedMedia()).keys()].sort()).toEqual([...before.keys()].sort())
  }, 120_000)

  it('encodes a file replaced under the same name, and re-renders the articles that show it', async () => {
    const before = await storedMedia()
    write(join(media, lead.src), await photo(1600, 1000, 'jpeg', 8))
    const run = publish()
    expect(run.status, run.output).toBe(0)
    expect(run.output).toContain('1 picture checked (1 read')
    expect(run.output).toContain('pictures 1 encoded, 15 variants written')
    // Both articles' pages and the feeds that show them name the new variants.
    expect(run.output).toMatch(/documents ([1-9]\d*) written/)
    const after = await storedMedia()
    // The old variants stay (immutable: caches may name them); 15 new ones join them.
    expect(after.size).toBe(before.size + 15)
    for (const key of before.keys()) expect(after.has(key)).toBe(true)
  }, 120_000)
})
