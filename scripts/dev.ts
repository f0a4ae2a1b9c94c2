/**
 * @module
 * `npm run dev [-- <wrangler dev options>]`: publishes content/ for the address wrangler dev
 * will serve at, then runs `wrangler dev` (the site, the WebSub hub and its queue consumer, all
 * simulated locally), plus the Cron Trigger, which wrangler dev does not fire by itself: this
 * fires it every minute through wrangler's local scheduled endpoint.
 *
 * One origin: `--port N` and `--ip A` decide the address, and the same `--var PUBLIC_ORIGIN:…`
 * (with any other `--var` given) goes to the publisher and to wrangler dev, so the documents'
 * links, the `Link` headers and the hub's topics all name the address that answers.
 */
import { execFileSync, spawn } from 'node:child_process'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { ensureLocalSecret } from '../src/publisher/node/publish-secret.ts'

const args = process.argv.slice(2)
const { values } = parseArgs({
  args,
  strict: false,
  options: { port: { type: 'string' }, ip: { type: 'string' }, var: { type: 'string', multiple: true } },
})
const port = typeof values.port === 'string' ? values.port : '8787'
// wrangler dev listens on every address by default; a wildcard is not an address to link to.
const ip = typeof values.ip === 'string' && !['0.0.0.0', '::', '*'].includes(values.ip) ? values.ip : 'localhost'
const host = ip.includes(':') ? `[${ip}]` : ip
const origin = `http://${host}:${port}`
const vars = [
  ...(values.var ?? []).filter((v): v is string => typeof v === 'string' && !v.startsWith('PUBLIC_ORIGIN:')),
  `PUBLIC_ORIGIN:${origin}`,
]
const varArgs = vars.flatMap((v) => ['--var', v])
const passOn = args.filter((arg, i) => !(arg === '--var' || arg.startsWith('--var=') || args[i - 1] === '--var'))

// The secret publish pings and purges carry: wrangler dev reads it from .dev.vars, as publish does.
ensureLocalSecret(join(import.meta.dirname, '..'))
execFileSync(process.execPath, [join(import.meta.dirname, 'publish.ts'), ...varArgs], { stdio: 'inherit' })

const wrangler = spawn(join(import.meta.dirname, '../node_modules/.bin/wrangler'), ['dev', ...passOn, ...varArgs], {
  stdio: 'inherit',
})

// wrangler's address for the Cron Trigger in local development (as wrangler dev prints it at start).
const fireCron = () =>
  fetch(`${origin}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}`).catch(() => {})
const cron = setInterval(fireCron, 60_000)

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => wrangler.kill(signal))
wrangler.on('exit', (code) => {
  clearInterval(cron)
  process.exit(code ?? 0)
})
