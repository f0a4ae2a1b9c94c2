/** @module The Worker's configuration as wrangler.toml states it, checked by src/config.ts's rules. */
import { join } from 'node:path'
import { unstable_readConfig } from 'wrangler'
import { type Config, type ConfigVars, parseConfig } from '../src/config.ts'

export const WRANGLER_TOML = join(import.meta.dirname, '../wrangler.toml')

/** `[vars]` of wrangler.toml (of `environment`, when given), parsed; throws ConfigError on a bad value. */
export const loadConfig = (environment?: string): Config => {
  const config = unstable_readConfig({ config: WRANGLER_TOML, env: environment })
  return parseConfig(config.vars as ConfigVars)
}
