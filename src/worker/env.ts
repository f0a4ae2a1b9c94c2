/** @module The Worker's bindings (generated from wrangler.toml by `npm run cf-typegen`) and per-request variables. */
import type { Representation } from './representation.ts'

export type Bindings = Cloudflare.Env & {
  /**
   * The publisher's secret (`wrangler secret put PUBLISH_SECRET`; locally `.dev.vars`): needed to
   * purge the cache and to ping the hub (routes/publisher.ts). Unset: nobody may do either.
   */
  readonly PUBLISH_SECRET?: string
}

export type AppEnv = {
  Bindings: Bindings
  Variables: {
    /** What respond() served, for the fast path (routes/remembered.ts). */
    document?: Representation
    /** Read the body into memory: the fast path will remember it (asked for before). */
    keepBytes?: boolean
  }
}
