/**
 * @module
 * The tag slugs a document shows, stored with it for its Cache-Tags (src/archive/cache-tags.ts):
 * an article page shows its article's tags. Lists carry their tag in their path already.
 */
import { resolvePath } from '../../archive/paths.ts'
import type { Catalog } from '../feed/catalog.ts'

/** A function from a document path to the tag slugs it shows, for one catalog. */
export const documentTagsOf =
  (catalog: Catalog): ((path: string) => string[] | undefined) =>
  (path) => {
    const resource = resolvePath(path)?.resource
    if (resource?.kind !== 'article') return undefined
    return catalog.bySlug.get(resource.slug)?.tags.map((tag) => tag.slug)
  }
