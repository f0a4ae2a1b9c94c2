/**
 * @module
 * The pages' stylesheet and script, the feeds' browser stylesheet and the icon: code, not
 * content. A deploy can change them without any article changing, so they carry an ETag and no
 * Last-Modified (which would wrongly answer If-Modified-Since with 304).
 */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'
import { FEED_STYLES } from '../pages/feed-styles.ts'
import { ICON, STYLES } from '../pages/styles.ts'
import { COPY_SCRIPT } from '../pages/subscribe.tsx'
import { answerOptions } from './options.ts'
import { codeRepresentation, type Representation } from './representation.ts'
import { respond } from './respond.ts'

const ASSETS = [
  { path: '/styles.css', contentType: 'text/css; charset=utf-8', body: STYLES },
  { path: '/copy.js', contentType: 'text/javascript; charset=utf-8', body: COPY_SCRIPT },
  { path: '/feed.css', contentType: 'text/css; charset=utf-8', body: FEED_STYLES },
  { path: '/favicon.svg', contentType: 'image/svg+xml', body: ICON },
  { path: '/favicon.ico', contentType: 'image/svg+xml', body: ICON },
]

export const ASSET_PATHS: ReadonlySet<string> = new Set(ASSETS.map((asset) => asset.path))

export const assets = new Hono<AppEnv>()

for (const { path, contentType, body } of ASSETS) {
  // Hashed once per isolate, on first request.
  let representation: Promise<Representation> | undefined
  assets.get(path, async (c) => {
    representation ??= codeRepresentation(body, contentType)
    return respond(c, await representation)
  })
  assets.options(path, answerOptions)
}
