/**
 * @module
 * websub.rocks' hub tests 100–104, as our own tests. What each one sends and checks is read from
 * its source, github.com/aaronpk/websub.rocks at c9e24b8815c0d9f43350f0408ce2aedf9aa78ede,
 * app/Hub.php:
 * - get_test(): the names and descriptions of 100–106;
 * - post_start(): only 101 makes up a hub.secret;
 * - post_subscribe(): the subscription form (hub.mode, hub.topic, hub.callback, hub.secret when
 *   there is one; 102 adds `foo=bar` and `hub.foo=hub.bar`) and "202 or Hub Error";
 * - get_subscriber(): the verification GET must carry hub.mode, the right hub.topic,
 *   hub.challenge and, for subscribe, hub.lease_seconds; it echoes the challenge;
 * - post_subscriber(): every notification must carry the topic's content ("fat ping": the body of
 *   a GET of the topic), its Content-Type, Link rel=hub (our hub) and rel=self, and
 *   X-Hub-Signature exactly when a secret was given, valid for the body.
 * websub.rocks checks one subscriber per test; each test here also watches a second, unchanged
 * subscriber, so that "nothing (more) was delivered" is asserted after the publish's other
 * deliveries arrived, not after a guessed delay alone.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { publishGenerated } from '../helpers/publish.ts'
import {
  eventually,
  HUB,
  hasValidSignature,
  hubRequest,
  notifyHub,
  subscription as subscriptionRow,
  subscriptionRowsOf,
} from '../helpers/websub.ts'
import { get as fetchWorker, ORIGIN } from '../helpers/worker.ts'
import { type FakeSubscriber, fakeNetwork, type Network, type Seen } from './network.ts'

vi.setConfig({ testTimeout: 30_000 })

/** Publishes `count` generated articles naming our hub; the changed paths. */
const publishedPaths = async (count: number): Promise<readonly string[]> => (await publishGenerated(count)).changedPaths

const TOPIC = '/feed.xml'
const TOPIC_URL = `${ORIGIN}${TOPIC}`

let network: Network
let articles = 3
let hosts = 0
beforeAll(async () => {
  await publishedPaths(articles)
  network = fakeNetwork()
})
afterAll(() => network.restore())

/** A subscriber at a public address of its own (so no per-host limit is shared), and its callback. */
const newSubscriber = (): { subscriber: FakeSubscriber; callback: string } => {
  const subscriber = network.subscriber(`http://93.184.216.${10 + ++hosts}/hub/sub/`)
  return { subscriber, callback: `${subscriber.base}token${hosts}` }
}

/** post_subscribe(): the subscription form websub.rocks sends, plus `extra` fields. */
const subscribe = (callback: string, extra: Record<string, string> = {}, mode = 'subscribe'): Promise<Response> =>
  hubRequest({ 'hub.mode': mode, 'hub.topic': TOPIC_URL, 'hub.callback': callback, ...extra })

const subscribed = async (callback: string, extra: Record<string, string> = {}): Promise<void> => {
  expect((await subscribe(callback, extra)).status).toBe(202)
  await eventually(async () => expect((await subscriptionRow(TOPIC, callback))?.state).toBe('verified'))
}

/** post_publisher(): a new post in the feed, then hub.mode=publish for the topic. */
const publishNewPost = async (): Promise<void> => {
  expect(await publishedPaths(++articles)).toContain(TOPIC)
  expect((await notifyHub([TOPIC])).status).toBe(202)
}

/** A GET of the topic, as post_subscriber() fetches it to compare with the notification. */
const topicNow = async (): Promise<{ bytes: Uint8Array; contentType: string | null }> => {
  const response = await fetchWorker(TOPIC)
  expect(response.status).toBe(200)
  return { bytes: new Uint8Array(await response.arrayBuffer()), contentType: response.headers.get('Content-Type') }
}

/** post_subscriber()'s checks that every notification must pass, whatever the test. */
const expectFullNotification = async (post: Seen | undefined): Promise<Seen> => {
  expect(post).toBeDefined()
  const notification = post as Seen
  const topic = await topicNow()
  // The full feed document, byte for byte (websub.rocks compares trimmed text; we hold to the bytes).
  expect(notification.body.byteLength).toBe(topic.bytes.byteLength)
  expect(notification.body).toEqual(topic.bytes)
  expect(notification.headers.get('Content-Type')).toBe(topic.contentType)
  expect(notification.headers.get('Link')).toBe(`<${HUB}>; rel="hub", <${TOPIC_URL}>; rel="self"`)
  return notification
}

/** Publishes a new post and waits until `watched` (a subscriber still subscribed) has its delivery. */
const publishAndWaitFor = async (watched: FakeSubscriber): Promise<void> => {
  const before = watched.posts.length
  await publishNewPost()
  await eventually(() => expect(watched.posts.length).toBe(before + 1))
  // Deliveries of one fan-out run side by side; give a stray duplicate time to show up too.
  await new Promise((resolve) => setTimeout(resolve, 1_000))
}

describe("websub.rocks' hub tests", () => {
  it('100 typical subscriber request: verified with hub.lease_seconds; notified with the full feed document, its Content-Type and Link headers, and no X-Hub-Signature', async () => {
    const { subscriber, callback } = newSubscriber()
    await subscribed(callback)
    const query = subscriber.verifications[0]?.url.searchParams
    expect(query?.get('hub.mode')).toBe('subscribe')
    expect(query?.get('hub.topic')).toBe(TOPIC_URL)
    expect(query?.get('hub.challenge')).toBeTruthy()
    expect(query?.get('hub.lease_seconds')).toMatch(/^\d+$/)

    await publishAndWaitFor(subscriber)
    const notification = await expectFullNotification(subscriber.posts[0])
    expect(notification.headers.has('X-Hub-Signature')).toBe(false)
    expect(subscriber.posts).toHaveLength(1)
  })

  it('101 subscription with secret: X-Hub-Signature is the HMAC-SHA256 of the delivered body keyed with hub.secret', async () => {
    const { subscriber, callback } = newSubscriber()
    const secret = 'Zr8nq3WbX2kT5vLp9sHd'
    await subscribed(callback, { 'hub.secret': secret })
    await publishAndWaitFor(subscriber)
    const notification = await expectFullNotification(subscriber.posts[0])
    const signature = notification.headers.get('X-Hub-Signature')
    expect(await hasValidSignature(secret, notification.body, signature)).toBe(true)
    expect(await hasValidSignature(`${secret}x`, notification.body, signature)).toBe(false)
  })

  it('102 subscriber sends additional parameters: foo, hub.foo and the legacy hub.verify are ignored, the subscription is verified and notified', async () => {
    const { subscriber, callback } = newSubscriber()
    // 102's own extras, and PubSubHubbub 0.3's hub.verify / hub.verify_token, which FreshRSS still sends.
    await subscribed(callback, { foo: 'bar', 'hub.foo': 'hub.bar', 'hub.verify': 'sync', 'hub.verify_token': 't' })
    expect(subscriber.verifications).toHaveLength(1)
    await publishAndWaitFor(subscriber)
    const notification = await expectFullNotification(subscriber.posts[0])
    expect(notification.headers.has('X-Hub-Signature')).toBe(false)
  })

  it('103 re-subscribes before expiration: the (topic, callback) subscription is renewed, not doubled, and each publish delivers exactly once', async () => {
    const { subscriber, callback } = newSubscriber()
    await subscribed(callback, { 'hub.lease_seconds': '7200' })
    const first = await subscriptionRow(TOPIC, callback)
    expect((first?.expires_at ?? 0) > Date.now()).toBe(true)

    expect((await subscribe(callback, { 'hub.lease_seconds': '86400' })).status).toBe(202)
    await eventually(() => expect(subscriber.verifications).toHaveLength(2))
    await eventually(async () =>
      expect((await subscriptionRowsOf(callback)).some((row) => row.lease_seconds === 86400)).toBe(true),
    )

    // The publish first: a second subscription for the pair would show as a second delivery.
    const control = newSubscriber()
    await subscribed(control.callback)
    await publishAndWaitFor(control.subscriber)
    expect(subscriber.posts).toHaveLength(1)
    await expectFullNotification(subscriber.posts[0])

    // And the one subscription is the renewed one: verified, with the new lease.
    const rows = await subscriptionRowsOf(callback)
    expect(rows).toHaveLength(1)
    expect(rows[0]?.state).toBe('verified')
    expect(rows[0]?.lease_seconds).toBe(86400)
    expect(rows[0]?.expires_at ?? 0).toBeGreaterThan((first?.expires_at ?? 0) + 70_000_000)
  })

  it('104 unsubscription: once the subscriber confirms the unsubscription, a new post delivers nothing to it', async () => {
    const { subscriber, callback } = newSubscriber()
    const control = newSubscriber()
    await subscribed(callback)
    await subscribed(control.callback)

    expect((await subscribe(callback, {}, 'unsubscribe')).status).toBe(202)
    await eventually(() => expect(subscriber.verifications).toHaveLength(2))
    const query = subscriber.verifications[1]?.url.searchParams
    expect(query?.get('hub.mode')).toBe('unsubscribe')
    expect(query?.get('hub.topic')).toBe(TOPIC_URL)
    await eventually(async () => expect(await subscriptionRow(TOPIC, callback)).toBeNull())

    await publishAndWaitFor(control.subscriber)
    await expectFullNotification(control.subscriber.posts[0])
    expect(subscriber.posts).toHaveLength(0)
  })
})
