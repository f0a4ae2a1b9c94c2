/** The archive the hub's tests run against: migrations applied, generated content published. */
import { applyD1Migrations } from 'cloudflare:test'
import { env, exports } from 'cloudflare:workers'
import { publish } from '../../src/build/publish/index.ts'
import { LOCAL_ORIGIN } from '../../src/config.ts'
import { generatedContent } from '../fixtures/generated.ts'

export const HUB = `${LOCAL_ORIGIN}/websub`

/** Publishes `count` generated articles as `npm run publish` would, naming our hub; returns the changed paths. */
export const publishArticles = async (count: number): Promise<readonly string[]> => {
  await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
  const summary = await publish(
    generatedContent(count),
    { db: env.DB, bucket: env.ARCHIVE },
    { origin: LOCAL_ORIGIN, hub: HUB, codeVersion: 'test' },
  )
  return summary.changedPaths
}

export const fetchWorker = (path: string, init?: RequestInit): Promise<Response> =>
  exports.default.fetch(new Request(`${LOCAL_ORIGIN}${path}`, { redirect: 'manual', ...init }))

/** POSTs a form to the hub through the Worker. */
export const hubRequest = (fields: Record<string, string>, init: RequestInit = {}): Promise<Response> =>
  fetchWorker('/websub', {
    method: 'POST',
    // The publisher's secret (vitest.config.ts): hub.mode=publish needs it; the others ignore it.
    body: new URLSearchParams(fields).toString(),
    ...init,
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Authorization: 'Bearer test-publish-secret',
      ...(init.headers as Record<string, string> | undefined),
    },
  })
