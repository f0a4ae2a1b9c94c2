/** @module The Worker's bindings (generated from wrangler.toml by `npm run cf-typegen`) and per-request variables. */
import type { Representation } from './representation.ts'

export type Bindings = Cloudflare.Env

export type AppEnv = {
  Bindings: Bindings
  /** `document`: what respond() served, for the fast path (routes/remembered.ts). */
  Variables: { document?: Representation }
}
