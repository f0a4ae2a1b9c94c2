/**
 * End to end over `wrangler dev` (local D1, R2, Queues) with a real HTTP subscriber process
 * (scripts/websub-subscriber.ts): the subscriber discovers the hub on four feeds, subscribes,
 * is verified; one article is added and published with `npm run publish`'s script; each
 * changed feed arrives once, correctly signed, within seconds; a subscriber answering 500 is
 * retried, one answering 410 is dropped; a change published without notification is delivered
 * when the Cron Trigger fires. `npm run test:websub-e2e`.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort, ROOT, run, start, stop, waitUntil } from './processes.ts'

type Event = {
  at: number
  event: string
  path?: string
  topic?: string
  mode?: string
  signature?: string
  status?: number
  contentType?: string
}

const SECRET = 'e2e secret'
const TOPICS = ['/feed.xml', '/atom.xml', '/feed.json', '/tags/alpha/feed.xml'] as const
const NODE = join(ROOT, 'node_modules/.bin/node')
const WRANGLER = join(ROOT, 'node_modules/.bin/wrangler')

let dir: string
let origin: string
let subscriberURL: string
let wrangler: ChildProcess | undefined
let subscriber: ChildProcess | undefined
const events: Event[] = []

const writeArticle = (n: number) =>
  writeFileSync(
    join(dir, 'content/articles', `e2e-${n}.ts`),
    `export default ${JSON.stringify({
      id: `e2e-${n}`,
      title: `End-to-end article ${n}`,
      standfirst: `Standfirst ${n}`,
      dateline: 'Geneva',
      source: 'Wire',
      published: `2024-01-0${n}T00:00:00Z`,
      tags: ['Alpha'],
      body: [[`Paragraph ${n}.`]],
    })}\n`,
  )

/** What `npm run publish` sends with its hub ping (from the environment, as for --remote). */
const PUBLISH_SECRET = 'e2e-publish-secret'
process.env.PUBLISH_SECRET = PUBLISH_SECRET

const publish = (...extra: string[]) =>
  run(NODE, [
    'scripts/publish.ts',
    ...extra,
    '--articles',
    join(dir, 'content', 'articles'),
    '--var',
    `PUBLIC_ORIGIN:${origin}`,
    '--persist-to',
    join(dir, 'state'),
  ])

const deliveries = (prefix: string) => events.filter((e) => e.event === 'delivery' && e.path?.startsWith(prefix))

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'websub-e2e-'))
  mkdirSync(join(dir, 'content/articles'), { recursive: true })
  writeArticle(1)
  const [hubPort, subscriberPort] = [await freePort(), await freePort()]
  origin = `http://127.0.0.1:${hubPort}`
  await publish()
  wrangler = start(WRANGLER, [
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(hubPort),
    '--persist-to',
    join(dir, 'state'),
    '--var',
    'WEBSUB_ALLOW_LOOPBACK:true',
    // The secret publish pings carry (src/worker/routes/publisher.ts), as .dev.vars gives it locally.
    '--var',
    `PUBLISH_SECRET:${PUBLISH_SECRET}`,
    '--var',
    `PUBLIC_ORIGIN:${origin}`,
    '--show-interactive-dev-session=false',
  ])
  subscriber = start(
    NODE,
    ['scripts/websub-subscriber.ts', '--port', String(subscriberPort), '--secret', SECRET],
    (line) => events.push(JSON.parse(line)),
  )
  subscriberURL = `http://127.0.0.1:${subscriberPort}`
  await waitUntil(async () => (await fetch(`${origin}/feed.xml`)).ok, 90_000, 'wrangler dev')
  await waitUntil(() => events.some((e) => e.event === 'listening'), 10_000, 'the subscriber')
})

afterAll(() => {
  stop(wrangler)
  stop(subscriber)
  if (dir) rmSync(dir, { recursive: true, force: true })
})

/** The hub and self a feed names in its Link header (W3C WebSub §4). */
const discover = async (topic: string) => {
  const link = (await fetch(`${origin}${topic}`, { method: 'HEAD' })).headers.get('Link') ?? ''
  return {
    hub: /<([^>]+)>;\s*rel="hub"/.exec(link)?.[1],
    self: [...link.matchAll(/<([^>]+)>;\s*rel="self"/g)].map((m) => m[1]),
  }
}

const subscribe = async (hub: string, topic: string, callback: string) => {
  const response = await fetch(hub, {
    method: 'POST',
    body: new URLSearchParams({
      'hub.mode': 'subscribe',
      'hub.topic': topic,
      'hub.callback': callback,
      'hub.secret': SECRET,
    }),
  })
  expect(response.status).toBe(202)
}

describe('WebSub over wrangler dev', () => {
  it('delivers a published article to every subscribed feed once, signed, within seconds', async () => {
    const subscriptions: [topic: string, path: string][] = TOPICS.map((topic, i) => [topic, `/ok/${i}`])
    subscriptions.push(['/feed.xml', '/fail-once/0'], ['/atom.xml', '/gone/0'])
    for (const [topic, path] of subscriptions) {
      const { hub, self } = await discover(topic)
      expect(hub).toBe(`${origin}/websub`)
      expect(self).toEqual([`${origin}${topic}`])
      await subscribe(hub as string, self[0] as string, `${subscriberURL}${path}`)
    }
    await waitUntil(
      () => events.filter((e) => e.event === 'verify').length === subscriptions.length,
      20_000,
      'verifications',
    )

    writeArticle(2)
    const started = Date.now()
    const output = await publish()
    const published = Date.now()
    expect(output).toMatch(/WebSub: .* notified of \d+ changed feeds/)
    await waitUntil(() => deliveries('/ok/').length >= TOPICS.length, 15_000, 'deliveries')
    await waitUntil(() => deliveries('/fail-once/').length >= 2, 30_000, 'the retry')
    await new Promise((resolve) => setTimeout(resolve, 3_000))

    const ok = deliveries('/ok/')
    expect(ok.map((e) => e.topic).sort()).toEqual(TOPICS.map((topic) => `${origin}${topic}`).sort())
    for (const delivery of ok) {
      expect(delivery.signature).toBe('valid')
      expect(delivery.status).toBe(204)
      expect(delivery.at - published).toBeLessThan(5_000)
    }
    const [failed, retried] = deliveries('/fail-once/')
    expect([failed?.status, retried?.status]).toEqual([500, 204])
    expect((retried?.at ?? 0) - (failed?.at ?? 0)).toBeGreaterThanOrEqual(4_000)
    expect(deliveries('/gone/').map((e) => e.status)).toEqual([410])
    console.log(
      `publish → delivery: ${ok.map((e) => e.at - started).join(', ')} ms from the start of the publish command; ` +
        `${ok.map((e) => e.at - published).join(', ')} ms after it finished; retry after ${(retried?.at ?? 0) - (failed?.at ?? 0)} ms`,
    )

    // The next article: the dropped subscriber gets nothing, the others their feeds again.
    writeArticle(3)
    await publish()
    await waitUntil(() => deliveries('/ok/').length >= 2 * TOPICS.length, 15_000, 'second deliveries')
    await waitUntil(() => deliveries('/fail-once/').length >= 3, 15_000, 'second delivery after the retry')
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect(deliveries('/gone/')).toHaveLength(1)
    expect(deliveries('/ok/')).toHaveLength(2 * TOPICS.length)

    // A lost notification: the Cron Trigger finds the change and delivers it.
    writeArticle(4)
    expect(await publish('--no-notify')).not.toMatch(/WebSub: .* notified/)
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect(deliveries('/ok/')).toHaveLength(2 * TOPICS.length)
    expect((await fetch(`${origin}/cdn-cgi/local/scheduled`)).ok).toBe(true)
    await waitUntil(() => deliveries('/ok/').length >= 3 * TOPICS.length, 15_000, 'deliveries after the cron')
    await new Promise((resolve) => setTimeout(resolve, 2_000))
    expect(deliveries('/ok/')).toHaveLength(3 * TOPICS.length)
    expect(deliveries('/ok/').every((e) => e.signature === 'valid')).toBe(true)
  })
})
