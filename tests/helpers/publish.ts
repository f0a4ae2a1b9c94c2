/**
 * @module
 * Publishing fixture content into the test file's own D1 and R2 (the vitest plugin isolates
 * storage per file), through the same publish() that `npm run publish` runs.
 */
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import tass from '../../content/articles/china-russia-security-cooperation.ts'
import { type ArticleEntry, type Content, loadContent } from '../../content/load.ts'
import { type PublishOptions, type PublishSummary, publish } from '../../src/publisher/publish/index.ts'
import { remembered } from '../../src/worker/index.ts'
import { absentKeys } from '../../src/worker/routes/documents.ts'
import { generatedContent } from '../fixtures/generated.ts'
import { fixtureSite } from '../fixtures/site.ts'
import { HUB } from './websub.ts'
import { ORIGIN } from './worker.ts'

/** The seed article alone, as the feeds were first published. */
export const seedContent = (): Content =>
  loadContent(fixtureSite, [['china-russia-security-cooperation', tass]] satisfies ArticleEntry[])

let migrated: Promise<void> | undefined

/** Publishes `content` for ORIGIN and forgets answers and absences kept in memory, as MEMORY_SECONDS would. */
export const publishContent = async (
  content: Content,
  codeVersion = 'test',
  options: Partial<PublishOptions> = {},
): Promise<PublishSummary> => {
  migrated ??= applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
  await migrated
  const summary = await publish(
    content,
    { db: env.DB, bucket: env.ARCHIVE },
    { origin: ORIGIN, codeVersion, ...options },
  )
  remembered.clear()
  absentKeys.clear()
  return summary
}

/** `count` generated articles (tests/fixtures/generated.ts) published naming our hub, as `npm run publish` does. */
export const publishGenerated = (count: number): Promise<PublishSummary> =>
  publishContent(generatedContent(count), 'test', { hub: HUB })
