/** @module The Worker's bindings (wrangler.toml [vars]). */

export type Bindings = {
  /** Public origin, e.g. "https://news.example.com"; empty or absent: the request's origin. */
  readonly PUBLIC_ORIGIN?: string
  /** Cache-Control max-age in seconds for feeds and pages. */
  readonly CACHE_MAX_AGE?: string
}

export type AppEnv = { Bindings: Bindings }
