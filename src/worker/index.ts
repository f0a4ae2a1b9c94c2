/**
 * @module
 * The Worker: published documents from R2, the assets, and redirects, behind the HTTP rules
 * every response shares — security headers, conditional GET, 405 with Allow, a 404 page, and a
 * 503 with Retry-After when storage fails. A cache of recent answers stands in front. Our
 * WebSub hub answers at /websub.
 */
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { secureHeaders } from 'hono/secure-headers'
import { trimTrailingSlash } from 'hono/trailing-slash'
import { PURGE_PATH } from '../archive/cache-tags.ts'
import { StorageUnavailable } from '../archive/read.ts'
import { CONFIG } from './config-binding.ts'
import type { AppEnv, Bindings } from './env.ts'
import { isNotModified, notModified, notModifiedHeaders } from './routes/conditional.ts'
import { documents } from './routes/documents.ts'
import { notFound, unavailable } from './routes/error-pages.ts'
import { media } from './routes/media.ts'
import { purge } from './routes/purge.ts'
import { redirects } from './routes/redirects.ts'
import { RememberedAnswers, rememberDocuments } from './routes/remembered.ts'
import { websub } from './routes/websub.ts'
import { catchUp } from './websub/catch-up.ts'
import { consumeBatch } from './websub/consumer.ts'
import { hubOf } from './websub/hub.ts'

const remembered = new RememberedAnswers({ budgetBytes: CONFIG.memoryBudgetBytes, seconds: CONFIG.memorySeconds })

const app = new Hono<AppEnv>()

// Outermost: a 200 the app answered becomes a 304 here, by the same code as on the fast path.
app.use(async function conditionalGET(c, next) {
  await next()
  const document = c.get('document')
  if (c.res.status === 200 && document && isNotModified(c.req.raw, document)) {
    await c.res.body?.cancel()
    // Hono copies the 200's headers onto a response assigned to c.res: set it on a fresh object.
    const response = notModified(notModifiedHeaders(c.res.headers))
    c.res = undefined
    c.res = response
  }
})
app.use(rememberDocuments(remembered))
app.use(
  secureHeaders({
    // Only what the pages use: our stylesheet and copy script. No frames, forms or plugins.
    contentSecurityPolicy: {
      defaultSrc: ["'none'"],
      styleSrc: ["'self'"],
      // /copy.js (the subscribe box's copy buttons); JSON-LD data blocks are not scripts.
      scriptSrc: ["'self'"],
      // Pictures and icons are ours, served from this origin (/media/…, /icon-….png).
      imgSrc: ["'self'"],
      // The web app manifest (<link rel="manifest">); default-src 'none' would block it.
      manifestSrc: ["'self'"],
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
// /articles/<slug>/ → 301 /articles/<slug> (only when the slashed path is not a document).
app.use(trimTrailingSlash())

app.route('/websub', websub)
app.route(PURGE_PATH, purge)
app.route('/', redirects)
// Picture variants: immutable, with Range (before the documents, which read whole bodies).
app.route('/media', media)
app.route('/', documents)

app.notFound((c) => notFound(c, CONFIG.memorySeconds))

app.onError((error, c) => {
  if (error instanceof HTTPException) return error.getResponse()
  // Logged for `wrangler tail`; the reader gets a clean answer, never a stack trace.
  console.error(error)
  if (error instanceof StorageUnavailable) return unavailable(c, error.message)
  return c.text('Internal Server Error', 500)
})

export { app, remembered }

/**
 * A coded body (respond.ts) leaves as stored: with encodeBody 'manual' workerd sends the bytes
 * as they are, under our Content-Encoding; by default it would encode them again. Set here, on
 * the response the app's middleware finished, because a Response rebuilt from another loses it.
 */
const sentAsStored = (response: Response): Response =>
  response.body !== null && response.headers.has('Content-Encoding')
    ? new Response(response.body, {
        status: response.status,
        headers: response.headers,
        encodeBody: 'manual',
      })
    : response

const answerByApp = async (request: Request, env: Bindings, ctx: ExecutionContext): Promise<Response> =>
  sentAsStored(await app.fetch(request, env, ctx))

/**
 * A GET or HEAD answered in the last MEMORY_SECONDS is answered from memory (one request
 * revalidating it when it expires, remembered.ts); the app answers the rest. The WebSub queue's consumer and the cron's catch-up run in the same Worker (websub/).
 */
export default {
  fetch: (request, env, ctx) => {
    const byApp = () => answerByApp(request, env, ctx)
    return remembered.answer(request, { bucket: env.ARCHIVE, app: byApp }) ?? byApp()
  },
  queue: (batch, env) => consumeBatch(batch, hubOf(env, CONFIG)),
  scheduled: async (controller, env) => {
    const summary = await catchUp(hubOf(env, CONFIG), controller.scheduledTime)
    if (summary.queued > 0 || summary.expired > 0) console.log('websub catch-up:', summary)
  },
} satisfies ExportedHandler<Bindings>
