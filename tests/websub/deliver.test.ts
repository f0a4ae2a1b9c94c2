/**
 * Content distribution (W3C WebSub §7–8): a publish notification fans each changed topic out
 * through the queue to every verified subscriber — a POST of the topic's bytes with its
 * Content-Type and the hub/self Link headers, signed when the subscriber gave a secret — once;
 * failures are retried with backoff, a 410 ends the subscription, a slow subscriber holds up
 * no other.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import worker from '../../src/worker/index.ts'
import { RETRY } from '../../src/worker/websub/limits.ts'
import type { DeliverMessage } from '../../src/worker/websub/messages.ts'
import wranglerTOML from '../../wrangler.toml?raw'
import { publishGenerated } from '../helpers/publish.ts'
import {
  eventually,
  HUB,
  hasValidSignature,
  hubRequest,
  notifyHub,
  subscribed,
  subscription,
} from '../helpers/websub.ts'
import { ORIGIN } from '../helpers/worker.ts'
import { type FakeSubscriber, fakeNetwork, type Network } from './network.ts'

vi.setConfig({ testTimeout: 30_000 })

let network: Network
let n = 0
beforeAll(async () => {
  await publishGenerated(3)
  network = fakeNetwork()
})
afterEach(() => {
  for (const subscriber of network.subscribers) subscriber.requests.length = 0
})

const newSubscriber = (): { subscriber: FakeSubscriber; callback: string } => {
  const subscriber = network.subscriber(`http://93.184.215.${14 + (++n % 200)}/d${n}/`)
  return { subscriber, callback: `${subscriber.base}cb` }
}

const TOPICS = ['/feed.xml', '/atom.xml', '/feed.json', '/tags/alpha/feed.xml'] as const

describe('a publish notification', () => {
  it('delivers each changed topic once, signed, with its Content-Type and Link headers', async () => {
    const { subscriber, callback } = newSubscriber()
    const unsigned = newSubscriber()
    for (const topic of [...TOPICS, '/tags/beta/feed.xml'])
      await subscribed(callback, topic, { 'hub.secret': `secret for ${topic}` })
    await subscribed(unsigned.callback, '/feed.json')
    subscriber.requests.length = 0

    // Article 3 is tagged Alpha only: the site feeds and the Alpha feeds change, Beta does not.
    const changed = (await publishGenerated(4)).changedPaths
    const topics = changed.filter(
      (path) => /(feed\.xml|atom\.xml|feed\.json)$/.test(path) && !path.includes('/archive/'),
    )
    expect(topics).toEqual(expect.arrayContaining([...TOPICS]))
    expect(topics).not.toContain('/tags/beta/feed.xml')
    const response = await notifyHub(topics)
    expect(response.status).toBe(202)

    await eventually(() => expect(subscriber.posts).toHaveLength(TOPICS.length))
    await eventually(() => expect(unsigned.subscriber.posts).toHaveLength(1))
    for (const topic of TOPICS) {
      const post = subscriber.posts.find((p) => p.headers.get('Link')?.includes(`<${ORIGIN}${topic}>`))
      expect(post, topic).toBeDefined()
      const stored = (await env.ARCHIVE.get(topic)) as R2ObjectBody
      expect(post?.body).toEqual(new Uint8Array(await stored.arrayBuffer()))
      expect(post?.headers.get('Content-Type')).toBe(stored.httpMetadata?.contentType)
      expect(post?.headers.get('Link')).toBe(`<${HUB}>; rel="hub", <${ORIGIN}${topic}>; rel="self"`)
      expect(
        await hasValidSignature(
          `secret for ${topic}`,
          post?.body as Uint8Array,
          post?.headers.get('X-Hub-Signature') ?? null,
        ),
      ).toBe(true)
      expect(
        await hasValidSignature(
          'another secret',
          post?.body as Uint8Array,
          post?.headers.get('X-Hub-Signature') ?? null,
        ),
      ).toBe(false)
      expect((await subscription(topic, callback))?.delivered_etag).toBe(stored.customMetadata?.etag)
    }
    expect(unsigned.subscriber.posts[0]?.headers.has('X-Hub-Signature')).toBe(false)

    // The same notification again, and a cron run: nothing new to deliver.
    expect((await notifyHub(topics)).status).toBe(202)
    await worker.scheduled({ scheduledTime: Date.now(), cron: '* * * * *', noRetry() {} }, env)
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect(subscriber.posts).toHaveLength(TOPICS.length)
  })

  it('refuses a notification for a URL that is not one of our feeds', async () => {
    const response = await notifyHub(['/articles/article-1'])
    expect(response.status).toBe(400)
    expect(await response.text()).toMatch(/^hub\.url \S+ is not one of our published feeds\n$/)
  })

  it('delivers nothing to pending or expired subscriptions', async () => {
    const pending = newSubscriber()
    pending.subscriber.verify = { status: 200, delayMs: 60_000 }
    await hubRequest({
      'hub.mode': 'subscribe',
      'hub.topic': `${ORIGIN}/feed.xml`,
      'hub.callback': pending.callback,
    })
    const expired = newSubscriber()
    await subscribed(expired.callback, '/feed.xml')
    await env.DB.prepare('UPDATE websub_subscriptions SET expires_at = ? WHERE callback = ?')
      .bind(Date.now() - 1, expired.callback)
      .run()
    await publishGenerated(5)
    expect((await notifyHub(['/feed.xml'])).status).toBe(202)
    await new Promise((resolve) => setTimeout(resolve, 2_500))
    expect(pending.subscriber.posts).toHaveLength(0)
    expect(expired.subscriber.posts).toHaveLength(0)
  })
})

describe('the delivery consumer', () => {
  /** Runs the Worker's queue handler; getQueueResult does not report delays, so retry() is watched too. */
  const consume = async (messages: { id: string; body: DeliverMessage; attempts?: number }[]) => {
    const batch = createMessageBatch(
      'websub',
      messages.map(({ id, body, attempts }) => ({ id, timestamp: Date.now(), attempts: attempts ?? 1, body })),
    )
    const retries = batch.messages.map((message) => vi.spyOn(message, 'retry'))
    const ctx = createExecutionContext()
    await worker.queue(batch, env)
    const result = await getQueueResult(batch, ctx)
    return { ...result, delays: retries.flatMap((spy) => spy.mock.calls.map(([options]) => options?.delaySeconds)) }
  }

  /** A verified subscriber that has not yet received the current version of /atom.xml. */
  const behind = async () => {
    const { subscriber, callback } = newSubscriber()
    await subscribed(callback, '/atom.xml')
    await env.DB.prepare('UPDATE websub_subscriptions SET delivered_etag = NULL WHERE callback = ?')
      .bind(callback)
      .run()
    subscriber.requests.length = 0
    return { subscriber, callback, body: { kind: 'deliver', topic: '/atom.xml', callback } as DeliverMessage }
  }

  it('retries a subscriber that answers 500 with exponential backoff, then delivers', async () => {
    const { subscriber, callback, body } = await behind()
    subscriber.deliveries = [{ status: 500 }, { status: 500 }, { status: 200 }]
    const first = await consume([{ id: 'a', body, attempts: 1 }])
    expect(first.retryMessages).toEqual([{ msgId: 'a' }])
    expect(first.delays).toEqual([RETRY.baseSeconds])
    const second = await consume([{ id: 'a', body, attempts: 2 }])
    expect(second.delays).toEqual([RETRY.baseSeconds * 2])
    const third = await consume([{ id: 'a', body, attempts: 3 }])
    expect(third.explicitAcks).toEqual(['a'])
    expect(subscriber.posts).toHaveLength(3)
    expect((await subscription('/atom.xml', callback))?.delivered_etag).toBeTruthy()
  })

  it('caps the backoff', async () => {
    const { subscriber, body } = await behind()
    subscriber.deliveries = [{ status: 503 }]
    expect((await consume([{ id: 'a', body, attempts: 30 }])).delays).toEqual([RETRY.maxSeconds])
  })

  it('ends the subscription of a subscriber that answers 410 Gone', async () => {
    const { subscriber, callback, body } = await behind()
    subscriber.deliveries = [{ status: 410 }]
    const result = await consume([{ id: 'g', body }])
    expect(result.explicitAcks).toEqual(['g'])
    expect(result.retryMessages).toEqual([])
    expect(await subscription('/atom.xml', callback)).toBeNull()
  })

  it('acks each message on its own: one slow, failing or dead subscriber holds up no other', async () => {
    const slow = await behind()
    const failing = await behind()
    const dead = await behind()
    const fast = await behind()
    slow.subscriber.deliveries = [{ status: 200, delayMs: 60_000 }]
    failing.subscriber.deliveries = [{ status: 500 }]
    // Gone from the network: the connection fails.
    network.subscribers.splice(network.subscribers.indexOf(dead.subscriber), 1)
    const started = Date.now()
    const result = await consume([
      { id: 'slow', body: slow.body },
      { id: 'failing', body: failing.body },
      { id: 'dead', body: dead.body },
      { id: 'fast', body: fast.body },
    ])
    expect(result.explicitAcks).toEqual(['fast'])
    expect(result.retryMessages.map((m) => m.msgId).sort()).toEqual(['dead', 'failing', 'slow'])
    expect((fast.subscriber.posts[0]?.at ?? Infinity) - started).toBeLessThan(1_000)
    // The slow one was given up on at the timeout, not waited for.
    expect(Date.now() - started).toBeLessThan(8_000)
  })
})

describe('the queue configuration', () => {
  it('retries up to a limit and keeps what still fails in a dead-letter queue', () => {
    const consumer = /\[\[queues\.consumers\]\]([\s\S]*?)(?:\n\[|$)/.exec(wranglerTOML)?.[1] ?? ''
    expect(consumer).toMatch(/\nqueue = "websub"/)
    expect(consumer).toMatch(/\nmax_retries = \d+/)
    expect(consumer).toMatch(/\ndead_letter_queue = "websub-dead"/)
    expect(consumer).toMatch(/\nmax_batch_size = \d+/)
  })
})
