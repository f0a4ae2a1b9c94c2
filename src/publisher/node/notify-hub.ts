/**
 * @module
 * After a publish: tell the hub which topics changed, `hub.mode=publish&hub.url=<topic>…` (the
 * form WebSub-era hubs accept; W3C WebSub §6 leaves publishing to the hub). Our hub, locally,
 * is `wrangler dev`: when nothing answers there, nobody is subscribed. Whatever goes wrong, the
 * hub's Cron Trigger finds the changes within a minute. Our hub needs PUBLISH_SECRET (publish-secret.ts).
 */
import { topicPath } from '../../archive/paths.ts'
import { postForm } from './post-form.ts'

export type NotifyResult =
  | { readonly notified: number; readonly answer: string }
  | { readonly notified: 0; readonly skipped: string }

/** The topics among a publish's changed paths: subscription feeds still published. */
export const changedTopics = (changedPaths: readonly string[]): string[] =>
  changedPaths.filter((path) => topicPath(path) === path)

/** Never throws: the publish is done either way, and the hub's cron finds what it was not told. */
export const notifyHub = async (
  hub: string,
  origin: string,
  topics: readonly string[],
  secret?: string,
): Promise<NotifyResult> => {
  if (topics.length === 0) return { notified: 0, skipped: 'no feed changed' }
  const form = new URLSearchParams({ 'hub.mode': 'publish' })
  for (const topic of topics) form.append('hub.url', `${origin}${topic}`)
  // Our hub takes pings from the publisher only (src/worker/routes/publisher.ts).
  const result = await postForm(hub, form, secret)
  return 'skipped' in result ? { notified: 0, skipped: result.skipped } : { notified: topics.length, ...result }
}
