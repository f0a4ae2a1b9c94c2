/**
 * @module
 * The Cache-Tags of a stored document, for Workers Cache (purge by tag): the Worker sends them
 * with every answer, the publisher names the ones to purge after a publish. Both derive them
 * here, so a purge always names tags the cached answers carry. Tags are printable ASCII
 * (paths are stored percent-encoded; tag slugs are percent-encoded here).
 *
 *   site                    every answer: a purge of everything this Worker cached
 *   path:<storage key>      one document (what a publish purges: exactly the paths it changed)
 *   topic:<scope>           every document of one scope (`/` the site's, `/tags/<tag>` a tag's)
 *   tag:<tag slug>          every document showing a tag: tag pages and feeds, its articles
 */
import { htmlPath, resolvePath } from './paths.ts'

export const SITE_TAG = 'site'

/** The tag of one document, by its storage key (its canonical path). */
export const pathTag = (key: string): string => `path:${key}`

const tagTag = (slug: string): string => `tag:${encodeURIComponent(slug)}`

/** Every tag of the document under `key`; `tags` are the tag slugs it shows (stored with it). */
export const cacheTagsOf = (key: string, tags: readonly string[] = []): string[] => {
  const resource = resolvePath(key)?.resource
  const result = [SITE_TAG, pathTag(key)]
  if (resource?.kind === 'list') {
    result.push(`topic:${htmlPath({ tag: resource.ref.tag })}`)
    if (resource.ref.tag !== undefined) result.push(tagTag(resource.ref.tag))
  }
  // An article shows in the site's feeds and pages.
  if (resource?.kind === 'article') result.push('topic:/')
  for (const tag of tags) result.push(tagTag(tag))
  return [...new Set(result)]
}

/** What a publish purges: the path tag of each document whose bytes changed or that was removed. */
export const purgeTagsOf = (changedPaths: readonly string[]): string[] => [...new Set(changedPaths.map(pathTag))]

/** Where the Worker takes purges (src/worker/routes/purge.ts), and how many tags one request names at most. */
export const PURGE_PATH = '/purge'
export const PURGE_TAGS_PER_REQUEST = 1000
