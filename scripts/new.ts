/**
 * @module
 * `npm run new -- "Headline"`: writes content/articles/<slug>.ts with a fresh permanent id and
 * today's date. Nothing else to edit: every file under content/articles/ is an article. Then run
 * `npm run check` to see what to fill in.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { articleSource, slugFromHeadline } from '../src/publisher/scaffold/scaffold.ts'

const headline = process.argv.slice(2).join(' ').trim()
if (!headline) {
  console.error('Usage: npm run new -- "Headline of the article"')
  process.exit(2)
}

const content = join(import.meta.dirname, '../content')
const base = slugFromHeadline(headline)
let slug = base
for (let n = 2; existsSync(join(content, 'articles', `${slug}.ts`)); n++) slug = `${base}-${n}`

const file = join(content, 'articles', `${slug}.ts`)
const id = randomBytes(8).toString('hex')
const published = new Date().toISOString().slice(0, 10)
writeFileSync(file, articleSource({ headline, id, published }), { flag: 'wx' })
// Format the file the way `npm run lint` expects.
execFileSync(join(import.meta.dirname, '../node_modules/.bin/biome'), ['check', '--write', file], {
  stdio: 'ignore',
})

console.log(`Created content/articles/${slug}.ts (id ${id}).`)
console.log('Fill in standfirst, dateline, source, tags and body, run `npm run check`, then `npm run publish`.')
