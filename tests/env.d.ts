/// <reference types="vite/client" />

declare namespace Cloudflare {
  /** The Worker under test (src/index.ts), as `exports` from "cloudflare:workers" gives it. */
  interface Exports {
    default: Fetcher
  }
}
