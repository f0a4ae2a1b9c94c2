/**
 * @module
 * `npm run dev [-- <wrangler dev options>]`: `wrangler dev` (the site, the WebSub hub and its
 * queue consumer, all simulated locally), plus the Cron Trigger, which wrangler dev does not
 * fire by itself: this fires it every minute through wrangler's local scheduled endpoint.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'

const args = process.argv.slice(2)
const portAt = args.findIndex((arg) => arg === '--port' || arg.startsWith('--port='))
const port = portAt < 0 ? '8787' : (args[portAt]?.split('=')[1] ?? args[portAt + 1] ?? '8787')

const wrangler = spawn(join(import.meta.dirname, '../node_modules/.bin/wrangler'), ['dev', ...args], {
  stdio: 'inherit',
})

// wrangler's address for the Cron Trigger in local development (as wrangler dev prints it at start).
const fireCron = () =>
  fetch(`http://localhost:${port}/cdn-cgi/local/scheduled?cron=${encodeURIComponent('* * * * *')}`).catch(() => {})
const cron = setInterval(fireCron, 60_000)

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => wrangler.kill(signal))
wrangler.on('exit', (code) => {
  clearInterval(cron)
  process.exit(code ?? 0)
})
