/// <reference types="vite/client" />

declare namespace Cloudflare {
  interface Env {
    /** D1 migrations, read by vitest.config.ts. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
  }
  /** The Worker under test (src/index.ts), as `exports` from "cloudflare:workers" gives it. */
  interface Exports {
    default: Fetcher
  }
}
