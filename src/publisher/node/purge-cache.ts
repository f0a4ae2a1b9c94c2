/**
 * @module
 * After a publish: ask the Worker to purge the Workers Cache tags of what changed
 * (src/archive/cache-tags.ts), POST <origin>/purge with the publisher's secret. Like the hub
 * ping, it never throws: the publish is done either way, and a cached answer still expires by
 * its Cache-Control (CACHE_MAX_AGE).
 */
import { PURGE_PATH, PURGE_TAGS_PER_REQUEST } from '../../archive/cache-tags.ts'
import { postForm } from './post-form.ts'

export type PurgeResult = { readonly purged: number; readonly answer: string } | { readonly skipped: string }

export const purgeCache = async (
  origin: string,
  tags: readonly string[],
  secret: string | undefined,
): Promise<PurgeResult> => {
  if (tags.length === 0) return { skipped: 'nothing changed' }
  if (secret === undefined) return { skipped: 'no PUBLISH_SECRET (environment or .dev.vars)' }
  let answer = ''
  for (let i = 0; i < tags.length; i += PURGE_TAGS_PER_REQUEST) {
    const form = new URLSearchParams()
    for (const tag of tags.slice(i, i + PURGE_TAGS_PER_REQUEST)) form.append('tag', tag)
    const result = await postForm(`${origin}${PURGE_PATH}`, form, secret)
    if ('skipped' in result) return result
    answer = result.answer
  }
  return { purged: tags.length, answer }
}
