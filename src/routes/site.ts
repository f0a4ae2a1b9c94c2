/** @module The published site for the origin a request is answered for. */
import type { Context } from 'hono'
import type { AppEnv } from '../env.ts'
import { publicOrigin } from './origin.ts'
import { type PublishedSite, publishedSite } from './published.ts'

export const siteFor = (c: Context<AppEnv>): PublishedSite =>
  publishedSite(publicOrigin(c.env.PUBLIC_ORIGIN, c.req.url))
