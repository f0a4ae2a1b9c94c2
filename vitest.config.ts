import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-plugin'
import { defineConfig } from 'vitest/config'

// The D1 migrations, applied by each test file to its own database (tests/helpers/publish.ts).
const migrations = await readD1Migrations('migrations')

// The origin of every test request and published document (tests/helpers/worker.ts ORIGIN).
const TEST_ORIGIN = 'http://publisher.test'

export default defineConfig({
  test: {
    // Three test files at once on this 2-core machine: most of them wait on workerd, a child
    // process or a timeout, not the CPU. `npm test` took 352 s with Vitest's default here, 181 s
    // with three (the same 767 tests passed). `--maxWorkers` on the command line overrides it.
    maxWorkers: 3,
    projects: [
      {
        // Unit and integration tests, inside workerd: `npm test`.
        plugins: [
          cloudflareTest({
            wrangler: { configPath: './wrangler.toml' },
            // One origin for the tests: documents are published for it (tests/helpers/publish.ts) and the
            // Worker's hub takes it for its own (PUBLIC_ORIGIN), as `npm run dev` passes one address to both.
            // PUBLISH_SECRET: what the publisher sends to purge and ping (tests/edge/purge.test.ts).
            miniflare: {
              bindings: {
                TEST_MIGRATIONS: migrations,
                PUBLIC_ORIGIN: TEST_ORIGIN,
                PUBLISH_SECRET: 'test-publish-secret',
              },
            },
          }),
        ],
        test: {
          name: 'workers',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: ['tests/browser/**', 'tests/node/**', 'tests/websub-e2e/**'],
          // No global setup: a file that needs published content publishes it in its own beforeAll
          // (tests/helpers/publish.ts), so pure tests of the model and renderers publish nothing.
          // Property and fuzz tests: fixed seed by default; FC_RUNS / FC_SEED for more or other cases.
          provide: { fcRuns: Number(process.env.FC_RUNS ?? 100), fcSeed: Number(process.env.FC_SEED ?? 20260918) },
          // Tests assert behaviour, never speed (that is `npm run bench`): a 10,000-article archive or a
          // property run on a busy 2-core machine may take tens of seconds, which is not a failure.
          testTimeout: 60_000,
          hookTimeout: 60_000,
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
