/**
 * Nothing lost: the Cron Trigger compares every subscribed topic's published version with the
 * one the hub last fanned out and delivers what a lost notification missed; leases end on time.
 */
import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import worker from '../../src/worker/index.ts'
import type { SubscriptionRow } from '../../src/worker/websub/subscriptions.ts'
import { publishGenerated } from '../helpers/publish.ts'
import { eventually, hubRequest, subscribed, subscription } from '../helpers/websub.ts'
import { ORIGIN } from '../helpers/worker.ts'
import { fakeNetwork, type Network } from './network.ts'

vi.setConfig({ testTimeout: 30_000 })

let network: Network
beforeAll(async () => {
  await publishGenerated(3)
  network = fakeNetwork()
})

/** A subscriber at `base`, subscribed to `topic` and verified. */
const subscriberAt = async (base: string, topic: string) => {
  const subscriber = network.subscriber(base)
  const callback = `${base}cb`
  await subscribed(callback, topic)
  return { subscriber, callback }
}

const cron = (scheduledTime = Date.now()) =>
  worker.scheduled(createScheduledController({ scheduledTime, cron: '* * * * *' }), env)

const delivered = async (topic: string) =>
  (
    await env.DB.prepare('SELECT delivered_etag FROM websub_topics WHERE topic = ?')
      .bind(topic)
      .first<{ delivered_etag: string }>()
  )?.delivered_etag

const published = async (topic: string) =>
  (await env.DB.prepare('SELECT etag FROM documents WHERE path = ?').bind(topic).first<{ etag: string }>())?.etag

describe('the cron catch-up', () => {
  it('delivers a change whose notification was lost, once', async () => {
    const { subscriber, callback } = await subscriberAt('http://93.184.215.14/lost/', '/feed.json')
    expect(await delivered('/feed.json')).toBe(await published('/feed.json'))
    await cron()
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(subscriber.posts).toHaveLength(0)

    await publishGenerated(4) // and no notification
    expect(await delivered('/feed.json')).not.toBe(await published('/feed.json'))
    await cron()
    await eventually(() => expect(subscriber.posts).toHaveLength(1))
    expect(await delivered('/feed.json')).toBe(await published('/feed.json'))
    expect((await subscription('/feed.json', callback))?.delivered_etag).toBe(await published('/feed.json'))
    const feed = JSON.parse(new TextDecoder().decode(subscriber.posts[0]?.body))
    expect(feed.items.map((item: { title: string }) => item.title)).toContain('Generated article 3')

    await cron()
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(subscriber.posts).toHaveLength(1)
  })

  it('ends leases when they expire, and delivers nothing after', async () => {
    const { subscriber, callback } = await subscriberAt('http://93.184.215.14/lease/', '/atom.xml')
    const { expires_at } = (await subscription('/atom.xml', callback)) as SubscriptionRow
    await cron((expires_at as number) - 1)
    expect(await subscription('/atom.xml', callback)).not.toBeNull()
    await cron(expires_at as number)
    expect(await subscription('/atom.xml', callback)).toBeNull()
    await publishGenerated(5)
    await cron()
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(subscriber.posts).toHaveLength(0)
  })

  it('forgets subscription requests never confirmed within a day', async () => {
    const subscriber = network.subscriber('http://93.184.215.14/never/')
    subscriber.verify = { status: 200, delayMs: 60_000 }
    const callback = `${subscriber.base}cb`
    await hubRequest({ 'hub.mode': 'subscribe', 'hub.topic': `${ORIGIN}/feed.xml`, 'hub.callback': callback })
    const { created_at } = (await subscription('/feed.xml', callback)) as SubscriptionRow
    await cron(created_at + 86_400_000 - 1)
    expect((await subscription('/feed.xml', callback))?.state).toBe('pending')
    await cron(created_at + 86_400_000)
    expect(await subscription('/feed.xml', callback)).toBeNull()
  })
})
