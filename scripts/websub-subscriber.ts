/**
 * @module
 * `node scripts/websub-subscriber.ts [--port 9000] [--secret <s>]`: a WebSub subscriber for local
 * work, the end-to-end test and the bench. It confirms every verification of intent (echoes
 * hub.challenge), checks X-Hub-Signature of every delivery against --secret, and prints one JSON
 * line per event. The callback's path picks its answer to deliveries: `/gone/…` → 410 Gone,
 * `/fail-once/…` → 500 the first time, anything else → 204.
 */
import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer } from 'node:http'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: { port: { type: 'string', default: '9000' }, secret: { type: 'string' }, quiet: { type: 'boolean' } },
})

/** W3C WebSub §8: sha256=<hex HMAC of the body>; "none" without a header, "invalid" when it does not match. */
const checkSignature = (body: Buffer, header: string | undefined): 'valid' | 'invalid' | 'none' => {
  if (!header) return 'none'
  const [method, hex] = header.split('=', 2)
  if (!values.secret || method !== 'sha256' || !hex) return 'invalid'
  const expected = createHmac('sha256', values.secret).update(body).digest()
  const given = Buffer.from(hex, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected) ? 'valid' : 'invalid'
}

const selfOf = (link: string | undefined): string | undefined => /<([^>]+)>;\s*rel="self"/.exec(link ?? '')?.[1]

const failedOnce = new Set<string>()
const log = (event: Record<string, unknown>) => {
  if (!values.quiet || event.event !== 'delivery') console.log(JSON.stringify({ at: Date.now(), ...event }))
}

const server = createServer((request, response) => {
  const url = new URL(request.url ?? '/', 'http://subscriber')
  if (request.method === 'GET') {
    const mode = url.searchParams.get('hub.mode')
    const topic = url.searchParams.get('hub.topic')
    log({
      event: mode === 'denied' ? 'denied' : 'verify',
      mode,
      topic,
      path: url.pathname,
      lease: url.searchParams.get('hub.lease_seconds'),
      reason: url.searchParams.get('hub.reason'),
    })
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end(url.searchParams.get('hub.challenge') ?? '')
    return
  }
  const chunks: Buffer[] = []
  request.on('data', (chunk: Buffer) => chunks.push(chunk))
  request.on('end', () => {
    const body = Buffer.concat(chunks)
    let status = 204
    if (url.pathname.startsWith('/gone/')) status = 410
    if (url.pathname.startsWith('/fail-once/') && !failedOnce.has(url.pathname)) {
      failedOnce.add(url.pathname)
      status = 500
    }
    log({
      event: 'delivery',
      path: url.pathname,
      topic: selfOf(String(request.headers.link ?? '')),
      contentType: request.headers['content-type'],
      signature: checkSignature(body, request.headers['x-hub-signature'] as string | undefined),
      bytes: body.length,
      status,
    })
    response.writeHead(status).end()
  })
})

server.listen(Number(values.port), '127.0.0.1', () => {
  const address = server.address()
  const port = typeof address === 'object' && address ? address.port : values.port
  console.log(JSON.stringify({ event: 'listening', url: `http://127.0.0.1:${port}` }))
})
