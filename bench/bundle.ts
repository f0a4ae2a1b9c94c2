/**
 * Production bundles with `wrangler deploy --dry-run`, as deployed: the real project, the naive
 * baseline, and copies of the project whose content is generated (0, 1,000 or 10,000 articles).
 */
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { articleFileSource, indexSource, realisticArticle } from './generate.ts'

const ROOT = join(import.meta.dirname, '..')
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler')

export type BundleSize = { readonly rawKiB: number; readonly gzipKiB: number }

/** Bundles `script` (default: wrangler.toml's main) from `cwd` into `outDir`; returns wrangler's size line. */
export const bundle = (outDir: string, cwd = ROOT, script?: string): BundleSize => {
  const args = ['deploy', '--dry-run', '--outdir', outDir, ...(script ? [script] : [])]
  const output = execFileSync(WRANGLER, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  const match = /Total Upload: ([\d.]+) KiB \/ gzip: ([\d.]+) KiB/.exec(output)
  if (!match) throw new Error(`no size in wrangler output:\n${output}`)
  return { rawKiB: Number(match[1]), gzipKiB: Number(match[2]) }
}

const CONTENT_CODE = ['schema.ts', 'load.ts', 'rules.ts', 'dates.ts', 'errors.ts', 'tags.ts', 'site.ts']

/** A copy of the project with `count` generated articles, bundled. Zero articles bundles the code alone. */
export const bundleWithGeneratedContent = (workDir: string, count: number): BundleSize => {
  rmSync(workDir, { recursive: true, force: true })
  mkdirSync(join(workDir, 'content/articles'), { recursive: true })
  cpSync(join(ROOT, 'src'), join(workDir, 'src'), { recursive: true })
  cpSync(join(ROOT, 'wrangler.toml'), join(workDir, 'wrangler.toml'))
  symlinkSync(join(ROOT, 'node_modules'), join(workDir, 'node_modules'))
  for (const file of CONTENT_CODE) cpSync(join(ROOT, 'content', file), join(workDir, 'content', file))
  for (let i = 0; i < count; i++)
    writeFileSync(join(workDir, `content/articles/article-${i}.ts`), articleFileSource(realisticArticle(i)))
  writeFileSync(join(workDir, 'content/index.ts'), indexSource(count))
  return bundle(join(workDir, 'dist'), workDir)
}
