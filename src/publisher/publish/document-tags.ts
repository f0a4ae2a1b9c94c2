/**
 * @module
 * The tag slugs a document shows, stored with it for its Cache-Tags (src/archive/cache-tags.ts):
 * an article page shows its article's tags. Lists carry their tag in their path already.
 */
import type { Content } from '../../../content/load.ts'
import { tagSlug } from '../../../content/tags.ts'
import { resolvePath } from '../../archive/paths.ts'

/** A function from a document path to the tag slugs it shows, for one content. */
export const documentTagsOf = (content: Content): ((path: string) => string[] | undefined) => {
  const bySlug = new Map(content.articles.map((article) => [article.slug, article.tags]))
  return (path) => {
    const resource = resolvePath(path)?.resource
    if (resource?.kind !== 'article') return undefined
    return bySlug.get(resource.slug)?.map(tagSlug)
  }
}
