/** @module OPTIONS (RFC 9110 §9.3.7): every resource answers 204 with the methods it allows. */
import type { Context, MiddlewareHandler } from 'hono'

export const ALLOW = 'GET, HEAD, OPTIONS'

/** The OPTIONS handler of a resource; also makes 405 responses list OPTIONS in Allow. */
export const answerOptions = (c: Context): Response => c.body(null, 204, { Allow: ALLOW })

/** Adds Allow to Hono cors's preflight answer, which returns before the route and omits it. */
export const allowOnOptions: MiddlewareHandler = async function allowOnOptions(c, next) {
  await next()
  if (c.req.method === 'OPTIONS' && c.res.status === 204) c.res.headers.set('Allow', ALLOW)
}
