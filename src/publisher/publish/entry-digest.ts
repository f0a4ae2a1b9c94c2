/**
 * @module
 * An entry as lists and the sitemap show it, hashed once per publish (list-hash.ts): its slug, its
 * content hash (which stands for its text and dates) and its language versions, each by language
 * and slug (a new translation adds hreflang links to the original's entry, page and sitemap URL,
 * translations.ts). A scope's pages (touched.ts) and a sitemap part (plan.ts) are hashed from
 * their entries' digests, not from their text: an article is in the site's lists, in each of its
 * tags' and in a sitemap part.
 */
import type { Catalog, CatalogEntry } from '../feed/catalog.ts'
import { ListHash } from './list-hash.ts'

/** An entry's digest, as two 32-bit words for `ListHash.mix`. */
export type EntryDigestOf = (entry: CatalogEntry) => readonly [number, number]

/** Each entry's digest, made on first use and kept for the rest of the publish. */
export const entryDigests = (catalog: Catalog, hashes: ReadonlyMap<string, string>): EntryDigestOf => {
  const digests = new WeakMap<CatalogEntry, readonly [number, number]>()
  return (entry) => {
    let digest = digests.get(entry)
    if (digest === undefined) {
      const hash = new ListHash()
        .update(entry.slug)
        .update('\u0000')
        .update(hashes.get(entry.slug) ?? '')
      for (const version of catalog.versions.get(entry) ?? [])
        hash.update('\u0000').update(version.language).update('\u0000').update(version.slug)
      digest = hash.halves()
      digests.set(entry, digest)
    }
    return digest
  }
}
