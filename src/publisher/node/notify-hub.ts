/**
 * @module
 * After a publish: tell the hub which topics changed, `hub.mode=publish&hub.url=<topic>…` (the
 * form WebSub-era hubs accept; W3C WebSub §6 leaves publishing to the hub). Our hub, locally,
 * is `wrangler dev`: when nothing answers there, nobody is subscribed. Whatever goes wrong, the
 * hub's Cron Trigger finds the changes within a minute. Our hub needs PUBLISH_SECRET (publish-secret.ts).
 */
import { topicPath } from '../../archive/paths.ts'

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
  let response: Response
  try {
    response = await fetch(hub, {
      method: 'POST',
      body: form,
      // Our hub takes pings from the publisher only (src/worker/routes/publisher.ts).
      ...(secret !== undefined && { headers: { Authorization: `Bearer ${secret}` } }),
      signal: AbortSignal.timeout(10_000),
    })
  } catch (error) {
    const code = (error as { cause?: { code?: string } }).cause?.code
    if (code === 'ECONNREFUSED') return { notified: 0, skipped: `nothing answers at ${hub} (wrangler dev not running)` }
    return { notified: 0, skipped: `${hub} could not be reached: ${(error as Error).message}` }
  }
  const answer = (await response.text()).trim().split('\n')[0] ?? ''
  if (!response.ok) return { notified: 0, skipped: `${hub} answered ${response.status}: ${answer}` }
  return { notified: topics.length, answer }
}
