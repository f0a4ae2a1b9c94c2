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
  readonly WEBSUB_HUB?: string
  readonly WEBSUB_ALLOW_LOOPBACK?: string
}

/** Which WebSub hub the feeds name (W3C WebSub §4 Discovery). */
export type HubChoice =
  | { readonly kind: 'ours' }
  | { readonly kind: 'none' }
  | { readonly kind: 'external'; readonly url: string }

export type Config = {
  /** Origin of every link in the published documents, without a trailing slash; undefined: not set. */
  readonly publicOrigin: string | undefined
  /** Cache-Control max-age, in seconds, of feeds and pages. */
  readonly cacheMaxAge: number
  /** Bytes of documents an isolate may keep in memory (routes/remembered.ts). */
  readonly memoryBudgetBytes: number
  /** Seconds an isolate reuses a document it read before asking storage again. */
  readonly memorySeconds: number
  /** WEBSUB_HUB: "" → ours at `<origin>/websub`, "none" → no hub, an https URL → that hub. */
  readonly websubHub: HubChoice
  /** WEBSUB_ALLOW_LOOPBACK = "true": callbacks may be loopback addresses (local work only). */
  readonly websubAllowLoopback: boolean
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

const parseHub = (value: string): HubChoice => {
  if (value === 'none') return { kind: 'none' }
  const url = URL.parse(value)
  if (url?.protocol !== 'https:' || url.username || url.password || url.hash)
    throw new ConfigError(
      'WEBSUB_HUB',
      value,
      '"" (our hub), "none", or an https URL such as "https://hub.example.com/"',
    )
  return { kind: 'external', url: url.href }
}

const parseFlag = (name: keyof ConfigVars, value: string): boolean => {
  if (value === 'true') return true
  if (value === 'false') return false
  throw new ConfigError(name, value, '"true" or "false"')
}

/**
 * The origin every published link, `Link` header and WebSub topic uses: PUBLIC_ORIGIN, or
 * wrangler dev's address when it is not set. The one rule, for the publisher and the Worker.
 */
export const originOf = (config: Pick<Config, 'publicOrigin'>): string => config.publicOrigin ?? LOCAL_ORIGIN

/** Our hub's path on this Worker. */
export const HUB_PATH = '/websub'

/** The hub URL written into feeds published for `origin`, or undefined for none. */
export const hubURL = (config: Pick<Config, 'websubHub'>, origin: string): string | undefined => {
  const hub = config.websubHub
  if (hub.kind === 'none') return undefined
  return hub.kind === 'external' ? hub.url : `${origin}${HUB_PATH}`
}

/** An unset or empty variable takes its default; a set one must be valid. */
const given = (value: string | undefined): string | undefined =>
  value === undefined || value === '' ? undefined : value

export const parseConfig = (vars: ConfigVars): Config => {
  const origin = given(vars.PUBLIC_ORIGIN)
  const maxAge = given(vars.CACHE_MAX_AGE)
  const budget = given(vars.MEMORY_BUDGET_MIB)
  const seconds = given(vars.MEMORY_SECONDS)
  const hub = given(vars.WEBSUB_HUB)
  const loopback = given(vars.WEBSUB_ALLOW_LOOPBACK)
  return {
    publicOrigin: origin === undefined ? undefined : parseOrigin(origin),
    cacheMaxAge: maxAge === undefined ? DEFAULTS.cacheMaxAge : parseWhole('CACHE_MAX_AGE', maxAge, 0, 31_536_000),
    memoryBudgetBytes:
      (budget === undefined ? DEFAULTS.memoryBudgetMiB : parseWhole('MEMORY_BUDGET_MIB', budget, 0, 96)) * 1024 * 1024,
    memorySeconds: seconds === undefined ? DEFAULTS.memorySeconds : parseWhole('MEMORY_SECONDS', seconds, 0, 3600),
    websubHub: hub === undefined ? { kind: 'ours' } : parseHub(hub),
    websubAllowLoopback: loopback === undefined ? false : parseFlag('WEBSUB_ALLOW_LOOPBACK', loopback),
  }
}
