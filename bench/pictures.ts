/**
 * @module
 * `node bench/pictures.ts` (part of `npm run bench`): publishing an archive of BENCH_PICTURES
 * generated articles (default 10,000), each with its own lead picture (a photo-like 1200 × 800
 * JPEG, tests/helpers/pictures.ts), through `npm run publish` into its own local storage:
 * - backfill: pictures encoded per second, R2 bytes of variants per article;
 * - one more article: its variants written, nothing else encoded;
 * - a re-run with nothing changed: nothing encoded, nothing written.
 * Generated files never enter content/.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { photo } from '../tests/helpers/pictures.ts'
import { articleFileSource, realisticArticle } from './generate.ts'

const ROOT = join(import.meta.dirname, '..')
const COUNT = Number(process.env.BENCH_PICTURES ?? 10_000)
const OUT = join(ROOT, 'bench/.out', `pictures-${COUNT}`)
const articles = join(OUT, 'articles')
const media = join(OUT, 'media')
const state = join(OUT, 'state')

const writeArticle = async (i: number): Promise<void> => {
  const article = realisticArticle(i)
  const src = `${article.published.slice(0, 4)}/picture-${i}.jpg`
  const file = join(articles, article.published.slice(0, 4), `article-${i}.ts`)
  mkdirSync(dirname(file), { recursive: true })
  mkdirSync(dirname(join(media, src)), { recursive: true })
  writeFileSync(join(media, src), await photo(1200, 800, 'jpeg', i + 1))
  const image = { src, alt: `Picture ${i}`, credit: 'Photo: Bench / Wire' }
  writeFileSync(
    file,
    articleFileSource({ ...article, image }, relative(dirname(file), join(ROOT, 'content/schema.ts'))),
  )
}

type Run = { seconds: number; encoded: number; variants: number; bytes: number; documents: number }
const publish = (): Run => {
  const started = performance.now()
  const output = execFileSync(
    process.execPath,
    [
      'scripts/publish.ts',
      ...['--articles', articles, '--media', media, '--persist-to', state],
      ...['--var', 'PUBLIC_ORIGIN:http://127.0.0.1:9299', '--no-notify'],
    ],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 },
  )
  const pictures = /pictures (\d+) encoded, (\d+) variants written \((\d+) bytes\)/.exec(output)
  if (!pictures) throw new Error(`no picture summary in:\n${output}`)
  return {
    seconds: (performance.now() - started) / 1000,
    encoded: Number(pictures[1]),
    variants: Number(pictures[2]),
    bytes: Number(pictures[3]),
    documents: Number(/documents (\d+) written/.exec(output)?.[1]),
  }
}

rmSync(OUT, { recursive: true, force: true })
// Four at a time: generating a photo is an encode of its own.
for (let i = 0; i < COUNT; i += 4)
  await Promise.all(Array.from({ length: Math.min(4, COUNT - i) }, (_, k) => writeArticle(i + k)))
const generated = performance.now()
console.log(
  `${COUNT} articles with one picture each, generated in ${(generated / 1000).toFixed(0)} s; ` +
    `${cpus().length} cores, load average ${loadavg()[0]?.toFixed(1)}`,
)

const backfill = publish()
await writeArticle(COUNT)
const one = publish()
const again = publish()

const row = (label: string, run: Run) =>
  `| ${label} | ${run.seconds.toFixed(1)} s | ${run.encoded} | ${run.variants} | ${(run.bytes / 1024).toFixed(0)} KiB | ${run.documents} |`
console.log(
  [
    '| publish | wall | pictures encoded | variants written | variant bytes | documents written |',
    '| --- | --- | --- | --- | --- | --- |',
    row(`backfill of ${COUNT}`, backfill),
    row('one more article', one),
    row('again, nothing changed', again),
  ].join('\n'),
)
console.log(
  `pictures encoded per second (backfill, wall, publish included): ${(backfill.encoded / backfill.seconds).toFixed(2)}; ` +
    `R2 bytes of variants per article: ${(backfill.bytes / COUNT / 1024).toFixed(1)} KiB`,
)
