/**
 * @module
 * Addresses people and readers guess for a feed answer 301 (permanent, so readers update the
 * subscription) to the canonical one. Never 302: a reader would keep polling the guess.
 */
import { Hono } from 'hono'
import type { AppEnv } from '../env.ts'

export const FEED_REDIRECTS: Readonly<Record<string, string>> = {
  '/rss': '/feed.xml',
  '/rss.xml': '/feed.xml',
  '/rss2.xml': '/feed.xml',
  '/feed': '/feed.xml',
  '/feed/': '/feed.xml',
  '/feed.rss': '/feed.xml',
  '/index.xml': '/feed.xml',
  '/index.rss': '/feed.xml',
  '/rss/': '/feed.xml',
  '/atom': '/atom.xml',
  '/atom/': '/atom.xml',
  '/feed.atom': '/atom.xml',
  '/index.atom': '/atom.xml',
  '/json': '/feed.json',
  '/feed/json': '/feed.json',
  '/index.json': '/feed.json',
}

export const redirects = new Hono<AppEnv>({ strict: true })

for (const [from, to] of Object.entries(FEED_REDIRECTS)) redirects.get(from, (c) => c.redirect(to, 301))
