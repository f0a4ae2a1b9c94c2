/** @module The public origin every absolute URL is resolved against. */

const configured = new Map<string, string>()

/** Checks the configured origin once: a typo there would otherwise end up in every feed. */
const parseConfiguredOrigin = (value: string): string => {
  const cached = configured.get(value)
  if (cached) return cached
  const url = URL.parse(value)
  if (
    !url ||
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.origin + (url.pathname === '/' ? '' : url.pathname) !== value.replace(/\/$/, '')
  )
    throw new Error(
      `PUBLIC_ORIGIN ${JSON.stringify(value)} is not an origin such as "https://news.example.com" (wrangler.toml [vars])`,
    )
  configured.set(value, url.origin)
  return url.origin
}

/** The configured PUBLIC_ORIGIN when set (production), else the origin the request came to. */
export const publicOrigin = (configuredOrigin: string | undefined, requestURL: string): string =>
  configuredOrigin ? parseConfiguredOrigin(configuredOrigin) : new URL(requestURL).origin
