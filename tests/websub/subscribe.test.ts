/**
 * Subscribing through our hub (W3C WebSub §5): 202, then verification of intent through the
 * real queue and consumer; lease bounds; re-subscription renewing the lease; unsubscription,
 * verified too; hub.mode=denied for topics that are not our feeds.
 */
import { createExecutionContext, createMessageBatch, getQueueResult } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import worker from '../../src/worker/index.ts'
import { LEASE, RETRY } from '../../src/worker/websub/limits.ts'
import type { VerifyMessage } from '../../src/worker/websub/messages.ts'
import type { SubscriptionRow } from '../../src/worker/websub/subscriptions.ts'
import { publishGenerated } from '../helpers/publish.ts'
import { eventually, hubRequest, subscribed, subscription } from '../helpers/websub.ts'
import { ORIGIN } from '../helpers/worker.ts'
import { type FakeSubscriber, fakeNetwork, type Network } from './network.ts'

let network: Network
let n = 0
beforeAll(async () => {
  await publishGenerated(3)
})
afterEach(() => {
  network?.restore()
  network = undefined as unknown as Network
})
vi.setConfig({ testTimeout: 20_000 })

/** A fresh subscriber at a public address, and its callback URL. */
const newSubscriber = (): { subscriber: FakeSubscriber; callback: string } => {
  network ??= fakeNetwork()
  const subscriber = network.subscriber(`http://93.184.215.14/s${++n}/`)
  return { subscriber, callback: `${subscriber.base}cb` }
}

const subscribe = (callback: string, fields: Record<string, string> = {}, topic = '/feed.xml') =>
  hubRequest({ 'hub.mode': 'subscribe', 'hub.topic': `${ORIGIN}${topic}`, 'hub.callback': callback, ...fields })

describe('subscribing', () => {
  it('answers 202, then verifies intent with a GET the subscriber must echo', async () => {
    const { subscriber } = newSubscriber()
    const callback = `${subscriber.base}cb?feed=1`
    const before = Date.now()
    const response = await subscribe(callback, { 'hub.lease_seconds': '86400' })
    expect(response.status).toBe(202)
    expect(await response.text()).toMatch(/^Accepted: [^\n]+\n$/)
    expect((await subscription('/feed.xml', callback))?.state).toBe('pending')
    await eventually(async () => expect((await subscription('/feed.xml', callback))?.state).toBe('verified'))
    expect(subscriber.verifications).toHaveLength(1)
    const query = subscriber.verifications[0]?.url.searchParams
    expect(query?.get('feed')).toBe('1')
    expect(query?.get('hub.mode')).toBe('subscribe')
    expect(query?.get('hub.topic')).toBe(`${ORIGIN}/feed.xml`)
    expect(query?.get('hub.lease_seconds')).toBe('86400')
    expect(query?.get('hub.challenge')).toMatch(/^[0-9a-f]{48}$/)
    const stored = await subscription('/feed.xml', callback)
    expect(stored?.expires_at).toBeGreaterThanOrEqual(before + 86_400_000)
    expect(stored?.expires_at).toBeLessThanOrEqual(Date.now() + 86_400_000)
  })

  it('creates no subscription when the subscriber does not echo the challenge', async () => {
    for (const answer of [
      { status: 200, body: 'something else' },
      { status: 404, body: '' },
    ]) {
      const { subscriber, callback } = newSubscriber()
      subscriber.verify = answer
      expect((await subscribe(callback)).status).toBe(202)
      await eventually(() => expect(subscriber.verifications).toHaveLength(1))
      await eventually(async () => expect(await subscription('/feed.xml', callback)).toBeNull())
    }
  })

  it.each([
    ['none asked', undefined, LEASE.defaultSeconds],
    ['below the minimum', '10', LEASE.minSeconds],
    ['above the maximum', '999999999', LEASE.maxSeconds],
    ['within bounds', '7200', 7200],
  ])('grants a lease within bounds (%s) and says so in the verification', async (_, asked, granted) => {
    const { subscriber, callback } = newSubscriber()
    const before = Date.now()
    const stored = await subscribed(callback, '/feed.xml', asked === undefined ? {} : { 'hub.lease_seconds': asked })
    expect(subscriber.verifications[0]?.url.searchParams.get('hub.lease_seconds')).toBe(String(granted))
    expect(stored.lease_seconds).toBe(granted)
    expect(stored.expires_at).toBeGreaterThanOrEqual(before + granted * 1000)
  })

  it('renews the lease and replaces the secret on re-subscription, keeping the subscription meanwhile', async () => {
    const { subscriber, callback } = newSubscriber()
    const first = await subscribed(callback, '/feed.xml', { 'hub.lease_seconds': '7200', 'hub.secret': 'old' })
    expect(first.secret).toBe('old')
    subscriber.verify = { status: 200, body: 'wrong' }
    expect((await subscribe(callback, { 'hub.lease_seconds': '86400', 'hub.secret': 'new' })).status).toBe(202)
    await eventually(() => expect(subscriber.verifications).toHaveLength(2))
    // Not confirmed: the verified subscription stays exactly as it was (§5.3).
    await eventually(async () => expect(await subscription('/feed.xml', callback)).toEqual(first))
    subscriber.verify = 'echo'
    expect((await subscribe(callback, { 'hub.lease_seconds': '86400', 'hub.secret': 'new' })).status).toBe(202)
    await eventually(async () => expect((await subscription('/feed.xml', callback))?.secret).toBe('new'))
    const renewed = (await subscription('/feed.xml', callback)) as SubscriptionRow
    expect(renewed.lease_seconds).toBe(86400)
    expect(renewed.expires_at).toBeGreaterThan((first.expires_at as number) + 70_000_000)
  })

  it('subscribes to tag feeds in every format', async () => {
    const { callback } = newSubscriber()
    for (const topic of ['/tags/alpha/feed.xml', '/tags/alpha/atom.xml', '/tags/alpha/feed.json'])
      expect((await subscribed(callback, topic)).topic).toBe(topic)
  })
})

describe('unsubscribing', () => {
  it('ends the subscription once the subscriber confirms', async () => {
    const { subscriber, callback } = newSubscriber()
    await subscribed(callback, '/feed.xml')
    const response = await hubRequest({
      'hub.mode': 'unsubscribe',
      'hub.topic': `${ORIGIN}/feed.xml`,
      'hub.callback': callback,
    })
    expect(response.status).toBe(202)
    await eventually(async () => expect(await subscription('/feed.xml', callback)).toBeNull())
    const check = subscriber.verifications[1]?.url.searchParams
    expect(check?.get('hub.mode')).toBe('unsubscribe')
    expect(check?.get('hub.challenge')).toBeTruthy()
  })

  it('keeps the subscription when the unsubscription is not confirmed (someone else asked)', async () => {
    const { subscriber, callback } = newSubscriber()
    const before = await subscribed(callback, '/feed.xml')
    subscriber.verify = { status: 404 }
    await hubRequest({ 'hub.mode': 'unsubscribe', 'hub.topic': `${ORIGIN}/feed.xml`, 'hub.callback': callback })
    await eventually(() => expect(subscriber.verifications).toHaveLength(2))
    expect(await subscription('/feed.xml', callback)).toEqual(before)
  })
})

describe('denial', () => {
  it.each([
    'https://elsewhere.example/feed.xml',
    `${ORIGIN}/articles/article-1`,
    `${ORIGIN}/tags/no-such-tag/feed.xml`,
    `${ORIGIN}/archive/1/feed.xml`,
    `${ORIGIN}/feed.xml?x=1`,
  ])('answers 202 and sends hub.mode=denied for %s, which is not one of our feeds', async (topic) => {
    const { subscriber, callback } = newSubscriber()
    const response = await hubRequest({ 'hub.mode': 'subscribe', 'hub.topic': topic, 'hub.callback': callback })
    expect(response.status).toBe(202)
    await eventually(() => expect(subscriber.verifications).toHaveLength(1))
    const query = subscriber.verifications[0]?.url.searchParams
    expect(query?.get('hub.mode')).toBe('denied')
    expect(query?.get('hub.topic')).toBe(topic)
    expect(query?.get('hub.reason')).toBeTruthy()
    const { n: rows } = (await env.DB.prepare('SELECT count(*) AS n FROM websub_subscriptions WHERE callback = ?')
      .bind(callback)
      .first<{ n: number }>()) as { n: number }
    expect(rows).toBe(0)
  })
})

describe('verification through the queue consumer', () => {
  const verify = (callback: string): VerifyMessage => ({
    kind: 'verify',
    mode: 'subscribe',
    topic: '/feed.xml',
    callback,
    leaseSeconds: 3600,
  })

  /** Runs the Worker's queue handler on one message; getQueueResult does not report delays, so retry() is watched too. */
  const consume = async (body: VerifyMessage, attempts: number) => {
    const batch = createMessageBatch('websub', [{ id: 'm1', timestamp: Date.now(), attempts, body }])
    const retry = vi.spyOn(batch.messages[0] as Message, 'retry')
    const ctx = createExecutionContext()
    await worker.queue(batch, env)
    return { ...(await getQueueResult(batch, ctx)), delays: retry.mock.calls.map(([options]) => options?.delaySeconds) }
  }

  it('retries with exponential backoff when the subscriber answers 5xx or does not answer', async () => {
    const { subscriber, callback } = newSubscriber()
    subscriber.verify = { status: 503 }
    const first = await consume(verify(callback), 1)
    expect(first.explicitAcks).toEqual([])
    expect(first.retryMessages).toEqual([{ msgId: 'm1' }])
    expect(first.delays).toEqual([RETRY.baseSeconds])
    const third = await consume(verify(callback), 3)
    expect(third.delays).toEqual([RETRY.baseSeconds * 4])
    // No answer at all (a timeout): retried the same way.
    subscriber.verify = { status: 200, delayMs: 6_000 }
    const timedOut = await consume(verify(callback), 2)
    expect(timedOut.retryMessages).toEqual([{ msgId: 'm1' }])
    expect(timedOut.delays).toEqual([RETRY.baseSeconds * 2])
    subscriber.verify = 'echo'
    const done = await consume(verify(callback), 4)
    expect(done.explicitAcks).toEqual(['m1'])
    expect((await subscription('/feed.xml', callback))?.state).toBe('verified')
  })
})
