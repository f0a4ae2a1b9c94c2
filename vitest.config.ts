import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        // Unit and integration tests, inside workerd: `npm test`.
        // D1 migrations reach the tests as TEST_MIGRATIONS, for applyD1Migrations() from 'cloudflare:test'.
        plugins: [
          cloudflareTest(async () => ({
            wrangler: { configPath: './wrangler.toml' },
            miniflare: { bindings: { TEST_MIGRATIONS: await readD1Migrations('./migrations') } },
          })),
        ],
        test: {
          name: 'workers',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/browser/**', 'tests/websub-e2e/**'],
          // Property and fuzz tests: fixed seed by default; FC_RUNS / FC_SEED for more or other cases.
          provide: { fcRuns: Number(process.env.FC_RUNS ?? 100), fcSeed: Number(process.env.FC_SEED ?? 20260918) },
        },
      },
      {
        // WebSub end to end: wrangler dev and a subscriber process, `npm run test:websub-e2e`.
        test: {
          name: 'websub-e2e',
          include: ['tests/websub-e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Debian's Chromium against `wrangler dev`: `npm run test:browser`.
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/browser/wrangler-dev.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
