/**
 * @module
 * The publisher's secret, PUBLISH_SECRET: what the Worker asks of a cache purge and a hub ping
 * (src/worker/routes/publisher.ts). From the environment; for local work, from `.dev.vars` (which
 * `wrangler dev` reads too, so both sides hold the same value). Never in wrangler.toml: it is a
 * secret (`wrangler secret put PUBLISH_SECRET` for the deployed Worker).
 */
import { randomUUID } from 'node:crypto'
import { appendFileSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parseEnv } from 'node:util'

/** The secret, or undefined when none is set. */
export const publishSecret = (root: string, remote: boolean): string | undefined => {
  const fromEnvironment = process.env.PUBLISH_SECRET
  if (fromEnvironment) return fromEnvironment
  if (remote) return undefined
  try {
    return parseEnv(readFileSync(join(root, '.dev.vars'), 'utf8')).PUBLISH_SECRET || undefined
  } catch {
    return undefined
  }
}

/**
 * For `npm run dev` on a fresh checkout: a random PUBLISH_SECRET in `.dev.vars` when it has none,
 * so the local Worker and the local publisher share one and publish pings reach the hub at once.
 * Returns the secret in force.
 */
export const ensureLocalSecret = (root: string): string => {
  const existing = publishSecret(root, false)
  if (existing) return existing
  const secret = randomUUID()
  appendFileSync(
    join(root, '.dev.vars'),
    `\n# Made by npm run dev (see .dev.vars.example).\nPUBLISH_SECRET=${secret}\n`,
  )
  return secret
}
