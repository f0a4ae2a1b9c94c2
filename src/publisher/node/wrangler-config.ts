/**
 * @module
 * The Worker's configuration as wrangler.toml states it, read as wrangler reads it — without
 * importing wrangler, which takes 2–4 s of every `npm run publish` and `npm run check` (a bundle
 * of ~10 MB evaluated before the first line runs). tests/node/wrangler-config.test.ts holds what
 * this reads against wrangler's own `unstable_readConfig` and local bindings.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'smol-toml'
import { type Config, type ConfigVars, parseConfig } from '../../config.ts'

export const WRANGLER_TOML = join(import.meta.dirname, '../../../wrangler.toml')

type Binding = { readonly binding: string }
type D1Binding = Binding & { readonly database_id?: string; readonly preview_database_id?: string }
type R2Binding = Binding & { readonly bucket_name?: string }
type Section = {
  readonly vars?: Record<string, unknown>
  readonly d1_databases?: readonly D1Binding[]
  readonly r2_buckets?: readonly R2Binding[]
}
type WranglerToml = Section & { readonly env?: Readonly<Record<string, Section>> }

/**
 * The section wrangler uses for `environment`: the top level, or `[env.<name>]`. vars and
 * bindings are not inherited by an environment (wrangler's "non-inheritable keys"): an
 * environment without its own has none.
 */
const sectionOf = (path: string, environment: string | undefined): Section => {
  const toml = parse(readFileSync(path, 'utf8')) as WranglerToml
  if (environment === undefined) return toml
  const section = toml.env?.[environment]
  if (!section) throw new Error(`${path}: no [env.${environment}] section`)
  return section
}

/**
 * `--var NAME:VALUE` arguments, as `wrangler dev --var` takes them: the one local override of
 * `[vars]`. `npm run dev` passes the same ones to the publisher and to wrangler dev, so the
 * documents and the Worker that serves them read the same configuration.
 */
export const parseVarArguments = (values: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    values.map((value) => {
      const colon = value.indexOf(':')
      if (colon < 1) throw new Error(`--var ${value}: write it as NAME:VALUE, as wrangler dev takes it.`)
      return [value.slice(0, colon), value.slice(colon + 1)]
    }),
  )

/** `[vars]` of wrangler.toml (of `environment`, when given) with `overrides`, parsed; throws ConfigError on a bad value. */
export const loadConfig = (
  environment?: string,
  overrides: Readonly<Record<string, string>> = {},
  path = WRANGLER_TOML,
): Config => parseConfig({ ...(sectionOf(path, environment).vars as ConfigVars), ...overrides })

/** The names local storage keeps the archive under, as wrangler dev names them. */
export type LocalStorageIds = { readonly d1: string; readonly r2: string }

/**
 * The local ids of the DB and ARCHIVE bindings, as wrangler gives them to Miniflare
 * (`d1DatabaseEntry`, `r2BucketEntry` in wrangler's dev code): the preview database id, else
 * the database id; the bucket name; else the binding name.
 */
export const localStorageIds = (environment?: string, path = WRANGLER_TOML): LocalStorageIds => {
  const section = sectionOf(path, environment)
  const d1 = section.d1_databases?.find((entry) => entry.binding === 'DB')
  const r2 = section.r2_buckets?.find((entry) => entry.binding === 'ARCHIVE')
  if (!d1 || !r2) throw new Error(`${path}: the DB (D1) and ARCHIVE (R2) bindings are required`)
  return { d1: d1.preview_database_id ?? d1.database_id ?? d1.binding, r2: r2.bucket_name ?? r2.binding }
}
