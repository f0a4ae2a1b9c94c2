/**
 * @module
 * `npm run new -- "Headline"`: writes content/articles/<slug>.ts with a fresh permanent id and
 * today's date, and registers it in content/index.ts. Then run `npm run check` to see what to
 * fill in.
 */
import { execFileSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { articleSource, registerArticle, slugFromHeadline } from './scaffold.ts'

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
const indexFile = join(content, 'index.ts')
writeFileSync(indexFile, registerArticle(readFileSync(indexFile, 'utf8'), slug))
// Sort the imports and format both files the way `npm run lint` expects.
execFileSync(join(import.meta.dirname, '../node_modules/.bin/biome'), ['check', '--write', file, indexFile], {
  stdio: 'ignore',
})

console.log(`Created content/articles/${slug}.ts (id ${id}) and registered it in content/index.ts.`)
console.log('Fill in standfirst, dateline, source, tags and body, then run `npm run check`.')
