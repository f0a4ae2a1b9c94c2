/**
 * The picture files, checked before anything is written: hostile and broken files refused with
 * the article file, the field and the fix; a narrow lead picture advised, not refused. Every
 * file is made by the test (tests/helpers/pictures.ts) in a temporary content/media/.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ArticleInput } from '../../content/schema.ts'
import { checkArticleImages, inspectImageBytes, MAX_SOURCE_BYTES } from '../../src/publisher/images/check.ts'
import { validArticle } from '../fixtures/article.ts'
import { photo, pngBomb, withJPEGComment } from '../helpers/pictures.ts'

const HTML = '<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

let media: string
const save = (src: string, bytes: Uint8Array | string): string => {
  const path = join(media, src)
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, bytes)
  return src
}

beforeAll(() => {
  media = mkdtempSync(join(tmpdir(), 'media-'))
})
afterAll(() => rmSync(media, { recursive: true, force: true }))

/** Checks one article whose lead picture is `src`; returns problems and advice as [field, message]. */
const checkLead = async (src: string) => {
  const article: ArticleInput & { file: string } = {
    ...validArticle,
    file: 'content/articles/a.ts',
    image: { src, alt: 'Alt', credit: 'Credit' },
  }
  const { problems, advice } = await checkArticleImages([article], { mediaDir: media })
  for (const item of [...problems, ...advice]) {
    expect(item.file).toBe('content/articles/a.ts')
    expect(item.fix.length).toBeGreaterThan(10)
  }
  return {
    problems: problems.map((p) => p.message),
    advice: advice.map((p) => p.message),
    fields: problems.map((p) => p.field),
  }
}

describe('picture files', () => {
  it('accepts each format we publish, by its bytes', async () => {
    for (const format of ['jpeg', 'png', 'webp', 'avif'] as const) {
      const src = save(`ok/photo.${format === 'jpeg' ? 'jpg' : format}`, await photo(1400, 900, format))
      expect(await checkLead(src)).toEqual({ problems: [], advice: [], fields: [] })
    }
  })

  it('advises, without failing, a lead picture narrower than 1200 px', async () => {
    const src = save('narrow.jpg', await photo(800, 600))
    expect(await checkLead(src)).toEqual({
      problems: [],
      advice: [expect.stringMatching(/800 px wide; .* at least 1200 px/)],
      fields: [],
    })
  })

  it('names a missing file with its path under content/media/', async () => {
    expect(await checkLead('2026/12/nowhere.jpg')).toMatchObject({
      problems: ['names content/media/2026/12/nowhere.jpg, which does not exist.'],
      fields: ['image.src'],
    })
  })

  it.each([
    ['an HTML page renamed .jpg', 'page.jpg', HTML, /is markup .* a browser could take it for a page/],
    ['an SVG with script renamed .jpg', 'drawing.jpg', SVG, /is markup/],
    ['HTML after a byte-order mark and blank lines', 'bom.png', `\ufeff\n\n  ${HTML}`, /is markup/],
    ['a zero-byte file', 'empty.jpg', '', /is empty \(0 bytes\)/],
    [
      'random bytes',
      'noise.webp',
      Buffer.from('0123456789abcdefghijklmnop'),
      /its first bytes match no picture format/,
    ],
    [
      'a GIF',
      'anim.png',
      Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1'),
      /is a GIF file, which we do not publish/,
    ],
  ])('refuses %s', async (_, src, bytes, message) => {
    expect((await checkLead(save(src, bytes))).problems).toEqual([expect.stringMatching(message)])
  })

  it('refuses bytes that are not what the extension says', async () => {
    const src = save('really-a-png.jpg', await photo(1300, 800, 'png'))
    expect((await checkLead(src)).problems).toEqual(['is a PNG file named as JPEG.'])
  })

  it.each(['jpeg', 'png', 'webp', 'avif'] as const)('refuses a truncated %s', async (format) => {
    const whole = await photo(1300, 900, format)
    const src = save(
      `truncated.${format === 'jpeg' ? 'jpg' : format}`,
      whole.subarray(0, Math.floor(whole.length * 0.6)),
    )
    expect((await checkLead(src)).problems).toEqual([expect.stringMatching(/is truncated or corrupt|cannot be read/)])
  })

  it('refuses a 20,000 × 20,000 PNG bomb from its header, before decoding a pixel', async () => {
    const bomb = pngBomb(20_000)
    expect(bomb.length).toBeLessThan(100_000)
    const started = performance.now()
    expect((await checkLead(save('bomb.png', bomb))).problems).toEqual([
      'is 20000 × 20000 px, 400.0 megapixels: more than 50.0 megapixels.',
    ])
    // Decoding 400 megapixels would take seconds and 400 MB at least; reading a header, milliseconds.
    expect(performance.now() - started).toBeLessThan(1000)
    // And the decoder itself refuses it too, should anything decode without the check.
    await expect(sharp(bomb, { limitInputPixels: 50_000_000 }).stats()).rejects.toThrow(/pixel limit/)
  })

  it('refuses a file larger than 25 MB from its size on disk, without reading it', async () => {
    const path = join(media, 'huge.jpg')
    writeFileSync(path, '')
    // A sparse file of 30 GB: reading it whole would fail (Node reads at most 2 GiB into a buffer).
    const { truncateSync } = await import('node:fs')
    truncateSync(path, 30_000_000_000)
    expect((await checkLead('huge.jpg')).problems).toEqual([expect.stringMatching(/is 30000\.0 MB, more than 25 MB/)])
    truncateSync(path, MAX_SOURCE_BYTES + 1_000_000)
    expect((await checkLead('huge.jpg')).problems).toEqual([expect.stringMatching(/is 26\.0 MB, more than 25 MB/)])
  })

  it('accepts a JPEG/HTML polyglot as a picture: what is served is re-encoded (image-variants.test.ts)', async () => {
    // HTML after the end-of-image marker, and in a comment segment: the bytes start as a JPEG,
    // which is how a browser sniffs them (WHATWG MIME Sniffing §6.1), and decode whole.
    const jpeg = await photo(1300, 900)
    const polyglot = Buffer.concat([withJPEGComment(jpeg, HTML), Buffer.from(HTML)])
    expect((await checkLead(save('polyglot.jpg', polyglot))).problems).toEqual([])
  })

  it('reads a file used by several articles once, and reports each use with its own field', async () => {
    const src = save('shared/page.jpg', HTML)
    const articles = ['a', 'b'].map((slug) => ({
      ...validArticle,
      file: `content/articles/${slug}.ts`,
      body: [['x'], ['y'], { figure: { src, alt: 'A', credit: 'C' } }],
    }))
    const { problems, sources } = await checkArticleImages(articles, { mediaDir: media })
    expect(sources.size).toBe(1)
    expect(problems.map((p) => [p.file, p.field])).toEqual([
      ['content/articles/a.ts', 'body[2].figure.src'],
      ['content/articles/b.ts', 'body[2].figure.src'],
    ])
  })

  it('inspects bytes directly, giving the size as shown (EXIF orientation applied)', async () => {
    const rotated = await sharp(await photo(600, 400))
      .withMetadata({ orientation: 6 })
      .jpeg()
      .toBuffer()
    expect(await inspectImageBytes(rotated, 'r.jpg')).toEqual({
      ok: true,
      facts: { format: 'jpeg', width: 400, height: 600 },
    })
  })
})
