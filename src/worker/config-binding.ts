/**
 * @module
 * This Worker's configuration, read from its bindings once, as the module loads: a bad value
 * throws ConfigError (src/config.ts) at start-up, so a wrong configuration never serves.
 */
import { env } from 'cloudflare:workers'
import { type Config, parseConfig } from '../config.ts'

export const CONFIG: Config = parseConfig(env as Cloudflare.Env)
