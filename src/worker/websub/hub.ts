/**
 * @module
 * What every part of our hub works with: the bindings, the origin the feeds are published
 * for, and the callback policy, gathered once from the Worker's env and configuration.
 */
import { type Config, HUB_PATH, originOf } from '../../config.ts'
import type { WebSubMessage } from './messages.ts'

export type Hub = {
  readonly db: D1Database
  readonly bucket: R2Bucket
  readonly queue: Queue<WebSubMessage>
  /** Origin of the topics (PUBLIC_ORIGIN, or wrangler dev's address). */
  readonly origin: string
  /** Our hub's URL, named in the Link header of every delivery. */
  readonly hubURL: string
  readonly allowLoopback: boolean
}

type HubBindings = { readonly DB: D1Database; readonly ARCHIVE: R2Bucket; readonly WEBSUB_QUEUE: Queue }

export const hubOf = (env: HubBindings, config: Pick<Config, 'publicOrigin' | 'websubAllowLoopback'>): Hub => {
  const origin = originOf(config)
  return {
    db: env.DB,
    bucket: env.ARCHIVE,
    queue: env.WEBSUB_QUEUE as Queue<WebSubMessage>,
    origin,
    hubURL: `${origin}${HUB_PATH}`,
    allowLoopback: config.websubAllowLoopback,
  }
}
