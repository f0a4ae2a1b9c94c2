/**
 * @module
 * WebSub discovery over HTTP (W3C WebSub §4): a feed response names its hub with
 * `Link: <hub>; rel="hub"` and its topic with exactly one `Link: <self>; rel="self"`, the same
 * URLs the document names inside (atom:link, JSON Feed `hubs` and `feed_url`).
 */
import { type Config, hubURL, LOCAL_ORIGIN } from '../config.ts'
import { parsePath } from '../feed/paths.ts'
import { topicPath } from './topics.ts'

/** The origin every published link uses: PUBLIC_ORIGIN, or wrangler dev's address. */
export const publishedOrigin = (config: Pick<Config, 'publicOrigin'>): string => config.publicOrigin ?? LOCAL_ORIGIN

/**
 * The `Link` header value for a feed at canonical `path` (RFC 8288 §3): self for every feed,
 * the hub too for subscription feeds (topics) when one is configured; undefined for non-feeds.
 */
export const discoveryLinks = (
  path: string,
  config: Pick<Config, 'publicOrigin' | 'websubHub'>,
): string | undefined => {
  const resource = parsePath(path)
  if (resource?.kind !== 'list' || resource.format === 'html') return undefined
  const origin = publishedOrigin(config)
  const self = `<${origin}${path}>; rel="self"`
  const hub = topicPath(path) === undefined ? undefined : hubURL(config, origin)
  return hub === undefined ? self : `<${hub}>; rel="hub", ${self}`
}
