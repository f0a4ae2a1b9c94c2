/**
 * @module
 * The 404 page (published with the content: it carries the site's name and feeds) and the 503
 * answer when storage fails. The 404 page is kept for MEMORY_SECONDS: scanners ask often.
 */
import type { Context } from 'hono'
import { NOT_FOUND_KEY } from '../../archive/paths.ts'
import { readStored, type StoredDocument } from '../../archive/read.ts'
import type { AppEnv } from '../env.ts'

let notFoundPage: { readonly document: StoredDocument | undefined; readonly expires: number } | undefined

export const notFound = async (c: Context<AppEnv>, memorySeconds: number): Promise<Response> => {
  if (!notFoundPage || notFoundPage.expires <= Date.now()) {
    let document: StoredDocument | undefined
    try {
      document = await readStored(c.env.ARCHIVE, NOT_FOUND_KEY)
    } catch (error) {
      console.error(error)
    }
    notFoundPage = { document, expires: Date.now() + memorySeconds * 1000 }
  }
  const page = notFoundPage.document
  if (!page) return c.text('Not Found', 404)
  return c.body(page.bytes, 404, { 'Content-Type': page.contentType })
}

/** How long a client should wait before asking again after a 503 (RFC 9110 §10.2.3). */
export const RETRY_AFTER_SECONDS = 30

export const unavailable = (c: Context<AppEnv>, reason: string): Response =>
  c.text(`Service Unavailable: ${reason}\n`, 503, {
    'Retry-After': String(RETRY_AFTER_SECONDS),
    'Cache-Control': 'no-store',
  })
