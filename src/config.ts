/**
 * @module
 * The Worker's configuration (wrangler.toml `[vars]`), read and checked in one place with one
 * policy: a value that is set but wrong is an error that names the variable — at start-up in
 * the Worker, and in `npm run check` and `npm run publish` — never a silent default.
 */

/** The `[vars]` as wrangler passes them: strings, or absent. */
export type ConfigVars = {
  readonly PUBLIC_ORIGIN?: string
  readonly CACHE_MAX_AGE?: string
  readonly MEMORY_BUDGET_MIB?: string
  readonly MEMORY_SECONDS?: string
}

export type Config = {
  /** Origin of every link in the published documents, without a trailing slash; undefined: not set. */
  readonly publicOrigin: string | undefined
  /** Cache-Control max-age, in seconds, of feeds and pages. */
  readonly cacheMaxAge: number
  /** Bytes of documents an isolate may keep in memory (routes/remembered.ts). */
  readonly memoryBudgetBytes: number
  /** Seconds an isolate reuses a document it read before asking storage again. */
  readonly memorySeconds: number
}

export const DEFAULTS = { cacheMaxAge: 600, memoryBudgetMiB: 16, memorySeconds: 2 } as const

/** wrangler dev's address: where documents link to when PUBLIC_ORIGIN is not set. */
export const LOCAL_ORIGIN = 'http://localhost:8787'

export class ConfigError extends Error {
  constructor(name: keyof ConfigVars, value: string, expected: string) {
    super(`${name} = ${JSON.stringify(value)} in wrangler.toml [vars] is not ${expected}.`)
    this.name = 'ConfigError'
  }
}

const parseOrigin = (value: string): string => {
  const url = URL.parse(value)
  const ok = url && (url.protocol === 'https:' || url.protocol === 'http:') && value.replace(/\/$/, '') === url.origin
  if (!ok) throw new ConfigError('PUBLIC_ORIGIN', value, 'an origin such as "https://news.example.com"')
  return url.origin
}

const parseWhole = (name: keyof ConfigVars, value: string, min: number, max: number): number => {
  const n = Number(value)
  if (!/^\d+$/.test(value.trim()) || n < min || n > max)
    throw new ConfigError(name, value, `a whole number from ${min} to ${max}`)
  return n
}

/** An unset or empty variable takes its default; a set one must be valid. */
const given = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value

export const parseConfig = (vars: ConfigVars): Config => {
  const origin = given(vars.PUBLIC_ORIGIN)
  const maxAge = given(vars.CACHE_MAX_AGE)
  const budget = given(vars.MEMORY_BUDGET_MIB)
  const seconds = given(vars.MEMORY_SECONDS)
  return {
    publicOrigin: origin === undefined ? undefined : parseOrigin(origin),
    cacheMaxAge: maxAge === undefined ? DEFAULTS.cacheMaxAge : parseWhole('CACHE_MAX_AGE', maxAge, 0, 31_536_000),
    memoryBudgetBytes:
      (budget === undefined ? DEFAULTS.memoryBudgetMiB : parseWhole('MEMORY_BUDGET_MIB', budget, 0, 96)) * 1024 * 1024,
    memorySeconds: seconds === undefined ? DEFAULTS.memorySeconds : parseWhole('MEMORY_SECONDS', seconds, 0, 3600),
  }
}
