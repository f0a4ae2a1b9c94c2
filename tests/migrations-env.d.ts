/** The D1 migrations vitest.config.ts provides to the tests inside workerd. */
declare namespace Cloudflare {
  interface Env {
    /** migrations/*.sql, read by vitest.config.ts for applyD1Migrations() from 'cloudflare:test'. */
    TEST_MIGRATIONS: import('cloudflare:test').D1Migration[]
  }
}
