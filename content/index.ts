/**
 * @module
 * Every article, listed explicitly (Workers have no filesystem to glob). The key is the file's
 * base name and becomes the URL slug: /articles/<slug>. `npm run new` adds lines here.
 */
import chinaRussiaSecurityCooperation from './articles/china-russia-security-cooperation.ts'
import { type ArticleEntry, loadContent } from './load.ts'
import site from './site.ts'

export const articleEntries: readonly ArticleEntry[] = [
  ['china-russia-security-cooperation', chinaRussiaSecurityCooperation],
]

export const content = loadContent(site, articleEntries)
export type { Article, Content, Site } from './load.ts'
