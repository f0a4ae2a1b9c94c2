/** @module The Worker's bindings (wrangler.toml [vars]) and per-request variables. */

export type Bindings = {
  /** Public origin, e.g. "https://news.example.com"; empty or absent: the request's origin. */
  readonly PUBLIC_ORIGIN?: string
  /** Cache-Control max-age in seconds for feeds and pages. */
  readonly CACHE_MAX_AGE?: string
}

import type { Representation } from './routes/representation.ts'

export type AppEnv = {
  Bindings: Bindings
  /** `document`: what respond() served, for the fast path (routes/remembered.ts). */
  Variables: { document?: Representation }
}
