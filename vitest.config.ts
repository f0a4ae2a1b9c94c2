import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

// The D1 migrations, applied by each test file to its own database (tests/helpers/publish.ts).
const migrations = await readD1Migrations('migrations')

export default defineConfig({
  test: {
    projects: [
      {
        // Unit and integration tests, inside workerd: `npm test`.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            // PUBLISH_SECRET: what the publisher sends to purge and ping (tests/edge/purge.test.ts).
            miniflare: { bindings: { TEST_MIGRATIONS: migrations, PUBLISH_SECRET: 'test-publish-secret' } },
          }),
        ],
        test: {
          name: 'workers',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/browser/**', 'tests/node/**', 'tests/websub-e2e/**'],
          // Every file starts with the seed article published (tests/setup.ts).
          setupFiles: ['tests/setup.ts'],
          // Property and fuzz tests: fixed seed by default; FC_RUNS / FC_SEED for more or other cases.
          provide: { fcRuns: Number(process.env.FC_RUNS ?? 100), fcSeed: Number(process.env.FC_SEED ?? 20260918) },
        },
      },
      {
        // The Node scripts (npm run publish, check, new) as a newsroom runs them: `npm test`.
        test: {
          name: 'node',
          include: ['tests/node/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
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
          include: ['tests/browser/**/*.test.{ts,tsx}'],
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
