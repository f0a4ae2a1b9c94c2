/**
 * @module
 * Requests through the Worker's own fetch handler, as workerd runs it, at the one origin of the
 * tests: the Worker's PUBLIC_ORIGIN (vitest.config.ts), for which the tests publish too.
 */
import { env, exports } from 'cloudflare:workers'

export const ORIGIN: string = env.PUBLIC_ORIGIN

export const get = (path: string, init?: RequestInit): Promise<Response> =>
  exports.default.fetch(new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }))

/** One path of every kind the Worker serves, for tests that sweep them all. */
export const EVERY_KIND_OF_PATH = [
  '/',
  '/feed.xml',
  '/atom.xml',
  '/feed.json',
  '/articles/china-russia-security-cooperation',
  '/tags/sco',
  '/tags/sco/feed.xml',
  '/sitemap.xml',
  '/robots.txt',
  '/feed.css',
] as const
