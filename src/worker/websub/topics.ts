/**
 * @module
 * WebSub topics: the URLs readers may subscribe to. Every subscription feed — the site's and
 * each tag's, in RSS, Atom and JSON Feed — is a topic, named by its self URL (W3C WebSub §4:
 * the topic is the `rel="self"` URL). Which paths those are is the URL table's rule
 * (src/archive/paths.ts `topicPath`).
 */
import { topicPath } from '../../archive/paths.ts'

/**
 * The path of a topic URL on our origin, or undefined when the URL names anything else: another
 * origin, a query or fragment, a non-canonical spelling, or a path that is not a feed.
 */
export const topicOfURL = (url: string, origin: string): string | undefined => {
  const parsed = URL.parse(url)
  if (!parsed || parsed.origin !== origin || parsed.search || parsed.hash || parsed.href !== url) return undefined
  const path = topicPath(parsed.pathname)
  return path === parsed.pathname ? path : undefined
}

/** The topic URL of a topic path: the feed's self link. */
export const topicURL = (origin: string, path: string): string => `${origin}${path}`
