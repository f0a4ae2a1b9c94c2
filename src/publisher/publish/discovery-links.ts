/**
 * @module
 * WebSub discovery over HTTP (W3C WebSub §4): a feed response names its hub with
 * `Link: <hub>; rel="hub"` and its topic with exactly one `Link: <self>; rel="self"`, the same
 * URLs the document names inside (atom:link, JSON Feed `hubs` and `feed_url`). Decided here,
 * with the bytes, and stored with them (src/archive/metadata.ts): the Worker sends what the
 * document says, so the header and the body cannot disagree.
 */
import { isFeed, isSubscriptionFeed, resolvePath } from '../../archive/paths.ts'

/**
 * The `Link` header value for the document at canonical `path` (RFC 8288 §3): self for every
 * feed, the hub too for subscription feeds (topics) when there is one; undefined for non-feeds.
 */
export const discoveryLinks = (path: string, origin: string, hub: string | undefined): string | undefined => {
  const resource = resolvePath(path)?.resource
  if (!resource || !isFeed(resource)) return undefined
  const self = `<${origin}${path}>; rel="self"`
  return hub === undefined || !isSubscriptionFeed(resource) ? self : `<${hub}>; rel="hub", ${self}`
}
