/**
 * @module
 * `node bench/images.ts`: what encoding pictures costs, to choose between sharp in the publisher
 * and the Cloudflare Images binding (issue 17). Sources are 2400 × 1600 photo-like JPEGs made by
 * tests/helpers/pictures.ts (each its own seed, so no two are the same bytes).
 *  1. sharp in Node, our pipeline (src/publisher/images/variants.ts): images per second, one at a
 *     time and two at once, bytes per image, and the header-only plan that skips stored pictures.
 *  2. The Images binding as `wrangler dev` runs it: Miniflare's local binding, which is sharp in
 *     Node behind a hop from workerd (multipart upload of the source, one per transformation,
 *     sharp's default encoder settings). The same JPEG variants through both, to see the hop.
 */
import { availableParallelism, cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import sharp from 'sharp'
import { VARIANT_FORMATS } from '../src/publisher/images/variant-settings.ts'
import { encodeImageVariants, planImageVariants, variantWidths } from '../src/publisher/images/variants.ts'
import { photo } from '../tests/helpers/pictures.ts'

const WIDTH = 2400
const HEIGHT = 1600
const IMAGES = Number(process.env.BENCH_IMAGES ?? 6)

const seconds = (ms: number): string => (ms / 1000).toFixed(2)
const load = (): string => `load average ${loadavg()[0]?.toFixed(1)}`

type Timing = { readonly wall: number; readonly cpu: number }

/**
 * Wall time and this process's CPU time (every libvips thread included; workerd, a separate
 * process, is not). On a shared machine wall time depends on the neighbours; CPU time much less.
 */
const time = async <T>(work: () => Promise<T>): Promise<[T, Timing]> => {
  const started = performance.now()
  const cpu = process.cpuUsage()
  const result = await work()
  const { user, system } = process.cpuUsage(cpu)
  return [result, { wall: performance.now() - started, cpu: (user + system) / 1000 }]
}

/** "4.84 s (1.90 CPU-s) per picture, 0.21 pictures/s" for `count` pictures. */
const perPicture = ({ wall, cpu }: Timing, count: number): string =>
  `${seconds(wall / count)} s (${seconds(cpu / count)} CPU-s) per picture, ${(count / (wall / 1000)).toFixed(2)} pictures/s`

console.log(
  `CPU: ${cpus()[0]?.model} × ${availableParallelism()}; sharp ${sharp.versions.sharp}, libvips ${sharp.versions.vips}`,
)
const sources = await Promise.all(Array.from({ length: IMAGES }, (_, i) => photo(WIDTH, HEIGHT, 'jpeg', i + 1)))
const widths = variantWidths(WIDTH)
console.log(
  `${IMAGES} sources of ${WIDTH} × ${HEIGHT}, ${(sources[0]?.length ?? 0) / 1000} kB each; widths ${widths.join(', ')} × ${VARIANT_FORMATS.map((f) => f.format).join(', ')}\n`,
)

// 1. sharp in Node, one picture at a time.
const perFormat = new Map<string, number>()
let bytes = 0
const [, sequential] = await time(async () => {
  for (const source of sources) {
    const { variants } = await encodeImageVariants(source)
    for (const variant of variants) {
      bytes += variant.bytes.length
      perFormat.set(variant.format, (perFormat.get(variant.format) ?? 0) + variant.bytes.length)
    }
  }
})
console.log(`sharp, one at a time: ${perPicture(sequential, IMAGES)}; ${load()}`)
console.log(
  `  stored per picture: ${(bytes / IMAGES / 1000).toFixed(0)} kB (${[...perFormat].map(([f, b]) => `${f} ${(b / IMAGES / 1000).toFixed(0)} kB`).join(', ')})`,
)

// Two at once: libvips runs one thread per image here (sharp.concurrency()), so two cores need two pictures.
const [, parallel] = await time(async () => {
  let next = 0
  await Promise.all(
    Array.from({ length: 2 }, async () => {
      while (next < sources.length) await encodeImageVariants(sources[next++] as Buffer)
    }),
  )
})
console.log(`sharp, two at once: ${perPicture(parallel, IMAGES)}; ${load()}`)

const [, planning] = await time(async () => {
  for (const source of sources) await planImageVariants(source)
})
console.log(`plan only (header, fingerprint, keys): ${(planning.wall / IMAGES).toFixed(1)} ms per picture\n`)

// 2. The Images binding, locally.
const WORKER = `export default {
  async fetch(request, env) {
    const source = await request.arrayBuffer()
    const { widths, formats } = JSON.parse(request.headers.get('x-variants'))
    let bytes = 0
    for (const width of widths)
      for (const format of formats) {
        const output = await env.IMAGES.input(new Blob([source]).stream()).transform({ width }).output({ format })
        bytes += (await output.response().arrayBuffer()).byteLength
      }
    return Response.json({ bytes })
  },
}`
// wrangler's own Miniflare, as `wrangler dev` runs it (bench/serve.ts does the same).
const { Miniflare, convertV4MiniflareOptions } = await import(
  pathToFileURL(join(import.meta.dirname, '../node_modules/wrangler/node_modules/miniflare/dist/src/index.js')).href
)
const miniflare = new Miniflare(
  convertV4MiniflareOptions({
    workers: [
      { name: 'bench', modules: true, script: WORKER, images: { binding: 'IMAGES' }, compatibilityDate: '2026-11-01' },
    ],
  }),
)
const viaBinding = async (source: Buffer, formats: string[]): Promise<number> => {
  const response = await miniflare.dispatchFetch('http://bench/', {
    method: 'POST',
    body: source,
    headers: { 'x-variants': JSON.stringify({ widths, formats }) },
  })
  if (!response.ok) throw new Error(await response.text())
  return ((await response.json()) as { bytes: number }).bytes
}
try {
  const jpegSources = sources.slice(0, 3)
  await viaBinding(jpegSources[0] as Buffer, ['image/jpeg'])
  const [, bindingJPEG] = await time(async () => {
    for (const source of jpegSources) await viaBinding(source, ['image/jpeg'])
  })
  const [, nodeJPEG] = await time(async () => {
    for (const source of jpegSources)
      for (const width of widths) await sharp(source).rotate().resize({ width }).jpeg().toBuffer()
  })
  console.log(`JPEG variants only (${widths.length} per picture, sharp's default settings):`)
  console.log(`  Images binding (local): ${perPicture(bindingJPEG, jpegSources.length)}; ${load()}`)
  console.log(`  sharp in Node:          ${perPicture(nodeJPEG, jpegSources.length)}; ${load()}`)
  const [full, bindingAll] = await time(() =>
    viaBinding(sources[0] as Buffer, ['image/avif', 'image/webp', 'image/jpeg']),
  )
  console.log(
    `All ${widths.length * 3} variants through the binding (AVIF at sharp's default effort 4, not settable): ${perPicture(bindingAll, 1)}, ${(full / 1000).toFixed(0)} kB; ${load()}`,
  )
} finally {
  await miniflare.dispose()
}
