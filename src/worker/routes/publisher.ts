/**
 * @module
 * Who may purge the cache and ping the hub: the publisher, holding PUBLISH_SECRET
 * (`Authorization: Bearer <secret>`, RFC 6750 §2.1). An open purge would let anyone turn every
 * request into an R2 read; an open ping, anyone make the hub fan out. Without a configured
 * secret nobody may: 403. A missing or wrong one: 401 with a Bearer challenge (RFC 6750 §3).
 */
import type { Context } from 'hono'
import type { AppEnv } from '../env.ts'

const encoder = new TextEncoder()

const digest = async (text: string): Promise<ArrayBuffer> => crypto.subtle.digest('SHA-256', encoder.encode(text))

/** Compares in constant time: digests have one length, so a wrong secret's length tells nothing. */
const sameSecret = async (given: string, secret: string): Promise<boolean> => {
  const [a, b] = await Promise.all([digest(given), digest(secret)])
  const subtle = crypto.subtle as SubtleCrypto & { timingSafeEqual?: (a: ArrayBuffer, b: ArrayBuffer) => boolean }
  if (subtle.timingSafeEqual) return subtle.timingSafeEqual(a, b)
  const x = new Uint8Array(a)
  const y = new Uint8Array(b)
  let difference = 0
  for (let i = 0; i < x.length; i++) difference |= (x[i] as number) ^ (y[i] as number)
  return difference === 0
}

/** The refusal to send, or undefined when the request carries the publisher's secret. */
export const refusePublisher = async (c: Context<AppEnv>, what: string): Promise<Response | undefined> => {
  const secret = c.env.PUBLISH_SECRET
  const headers = { 'Cache-Control': 'no-store' }
  if (!secret) return c.text(`PUBLISH_SECRET is not set: nobody may ${what}\n`, 403, headers)
  const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('Authorization') ?? '')
  if (match && (await sameSecret(match[1] as string, secret))) return undefined
  return c.text(`Only the publisher may ${what}: send Authorization: Bearer <PUBLISH_SECRET>\n`, 401, {
    ...headers,
    'WWW-Authenticate': 'Bearer realm="publisher"',
  })
}
