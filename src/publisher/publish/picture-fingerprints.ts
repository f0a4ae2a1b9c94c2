/**
 * @module
 * What pictures add to fingerprints and what rendering needs of storage. An article's hash
 * stands for its text (article-hash.ts); its pictures' fingerprints (source bytes and variant
 * settings) are joined to it, so a file replaced under the same name re-renders every document
 * that shows the article, and nothing else.
 */
import type { Catalog } from '../feed/catalog.ts'
import { enclosureOf } from '../feed/picture.ts'
import type { PictureSource } from './pictures.ts'

/** Joins each article's pictures' fingerprints to its hash, in place. */
export const withPictureFingerprints = (articleHashes: Map<string, string>, pictures: PictureSource): void => {
  for (const [slug, sources] of pictures.uses) {
    const hash = articleHashes.get(slug)
    if (hash === undefined || sources.length === 0) continue
    const fingerprints = sources.map((src) => pictures.plans.get(src)?.fingerprint ?? `missing:${src}`)
    articleHashes.set(slug, `${hash}+${fingerprints.join('+')}`)
  }
}

/** Storage keys of the enclosures (lead pictures) of the articles `slugs`, whose exact lengths feeds print. */
export const enclosureKeys = (catalog: Catalog, slugs: readonly string[], origin: string): string[] =>
  slugs.flatMap((slug) => {
    const image = catalog.bySlug.get(slug)?.image
    return image ? [enclosureOf(image).url.slice(origin.length)] : []
  })
