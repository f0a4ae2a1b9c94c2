/**
 * @module
 * The Worker: feeds, pages and redirects behind the HTTP rules every response shares —
 * security headers, 405 with Allow, conditional GET, a 404 page and a plain 500.
 */
import { Hono } from 'hono'
import { etag } from 'hono/etag'
import { HTTPException } from 'hono/http-exception'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { secureHeaders } from 'hono/secure-headers'
import { trimTrailingSlash } from 'hono/trailing-slash'
import type { AppEnv, Bindings } from './env.ts'
import { ifModifiedSince, NOT_MODIFIED_HEADERS } from './routes/conditional.ts'
import { feeds } from './routes/feeds.ts'
import { notFound, pages } from './routes/pages.tsx'
import { redirects } from './routes/redirects.ts'
import { answerRemembered, rememberDocuments } from './routes/remembered.ts'
import { sitemap } from './routes/sitemap.ts'

const app = new Hono<AppEnv>()

// Outermost, so that it keeps the headers every other middleware added.
app.use(rememberDocuments())

app.use(
  secureHeaders({
    // Only what the pages use: our stylesheet and copy script. No frames, forms or plugins.
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      // /copy.js (the subscribe box's copy buttons); JSON-LD data blocks are not scripts.
      scriptSrc: ["'self'"],
      imgSrc: ["'self'"],
      baseUri: ["'none'"],
      formAction: ["'none'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'strict-origin-when-cross-origin',
    // Feeds are public and meant to be fetched from anywhere.
    crossOriginResourcePolicy: 'cross-origin',
  }),
)
app.use(methodNotAllowed({ app }))
// /articles/<slug>/ → 301 /articles/<slug> (only when the slashed path is not a route).
app.use(trimTrailingSlash())
app.use(etag({ retainedHeaders: NOT_MODIFIED_HEADERS }))
app.use(ifModifiedSince({ retainedHeaders: NOT_MODIFIED_HEADERS }))

app.route('/', feeds)
app.route('/', pages)
app.route('/', redirects)
app.route('/', sitemap)

app.notFound(notFound)

app.onError((error, c) => {
  if (error instanceof HTTPException) return error.getResponse()
  // A real bug: log it for `wrangler tail`, answer without details.
  console.error(error)
  return c.text('Internal Server Error', 500)
})

export { app }

/** A GET or HEAD of a document answered before is answered from memory; the app answers the rest. */
export default {
  fetch: (request, env, ctx) => answerRemembered(request, env) ?? app.fetch(request, env, ctx),
} satisfies ExportedHandler<Bindings>
