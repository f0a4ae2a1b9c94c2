/** @module The Worker's configuration as wrangler.toml states it, checked by src/config.ts's rules. */
import { join } from 'node:path'
import { unstable_readConfig } from 'wrangler'
import { type Config, type ConfigVars, parseConfig } from '../../config.ts'

export const WRANGLER_TOML = join(import.meta.dirname, '../../../wrangler.toml')

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
export const loadConfig = (environment?: string, overrides: Readonly<Record<string, string>> = {}): Config => {
  const config = unstable_readConfig({ config: WRANGLER_TOML, env: environment })
  return parseConfig({ ...(config.vars as ConfigVars), ...overrides })
}
