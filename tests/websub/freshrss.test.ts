/**
 * @module
 * FreshRSS as a subscriber of our hub: the requests FreshRSS 1.25 sends, replayed, and a stand-in
 * for its callback that answers as its own does. Read from github.com/FreshRSS/FreshRSS at
 * 6c58b90518c30a165db1ee8ea34e0f3d12c6c898 (2024-10-24, FRESHRSS_VERSION '1.25.0-dev', the
 * branch 1.25.0 was released from):
 * - app/Models/Feed.php, where SimplePie reads the feed: `hubUrl` from get_links('hub'), the topic
 *   from the rel=self link (`selfUrl ?: url`);
 * - app/Models/Feed.php, pubSubHubbubPrepare(): the callback key, sha1(path . salt), 40 hex digits;
 * - app/Models/Feed.php, pubSubHubbubSubscribe(): a curl POST of
 *   http_build_query(['hub.verify' => 'sync', 'hub.mode', 'hub.topic', 'hub.callback' =>
 *   base_url . '/api/pshb.php?k=' . key]) to the hub — no hub.secret, no hub.lease_seconds — and
 *   any 2xx is success;
 * - p/api/pshb.php: the callback. PHP reads `hub.mode` as `hub_mode`. A key that is not hex is 422;
 *   an unknown key is 410 (but an unsubscribe is echoed); hub_mode=subscribe records
 *   hub_lease_seconds (a lease only when > 60) and answers 200 text/plain with hub_challenge as
 *   the whole body; a delivery with an empty body is 422, otherwise SimplePie parses it, a rel=self
 *   that is not the subscribed topic is only logged, and the answer is 200 "Done: 1".
 */
import { XMLParser } from 'fast-xml-parser'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { publishGenerated } from '../helpers/publish.ts'
import { eventually, HUB, notifyHub, subscription as subscriptionRow } from '../helpers/websub.ts'
import { get as fetchWorker, ORIGIN } from '../helpers/worker.ts'
import { type Answer, FakeSubscriber, fakeNetwork, type Network, type Seen } from './network.ts'

vi.setConfig({ testTimeout: 30_000 })

/** FRESHRSS_USERAGENT in constants.php, for a 1.25.0 release on Linux. */
const USER_AGENT = 'FreshRSS/1.25.0 (Linux; https://freshrss.org)'
/** A FreshRSS instance's base_url, on a public address (our hub reaches only public callbacks). */
const BASE_URL = 'https://freshrss.example.net'
const ADDRESS = '93.184.217.20'

/** PHP's urlencode(), which http_build_query() uses: RFC 1738 style, space as '+'. */
const phpURLEncode = (text: string): string =>
  encodeURIComponent(text)
    .replace(/[!'()*~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+')

/** SimplePie's get_links(rel) on an RSS 2.0 channel: the href of each atom:link with that rel. */
const feedLinks = (xml: string, rel: string): string[] => {
  type Link = { '@_rel'?: string; '@_href'?: string }
  const parsed = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'atom:link' }).parse(xml) as {
    rss?: { channel?: { 'atom:link'?: Link[] } }
  }
  return (parsed.rss?.channel?.['atom:link'] ?? []).filter((l) => l['@_rel'] === rel).map((l) => l['@_href'] ?? '')
}

const sha1Hex = async (text: string): Promise<string> =>
  Array.from(new Uint8Array(await crypto.subtle.digest('SHA-1', new TextEncoder().encode(text))), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')

/** p/api/pshb.php: one registered feed key; `lease_end` and `error` as its !hub.json keeps them. */
class PSHBEndpoint extends FakeSubscriber {
  readonly key: string
  readonly canonical: string
  leaseEnd: number | undefined
  error: boolean | undefined
  readonly selfMismatches: string[] = []

  constructor(key: string, canonical: string) {
    super(`${BASE_URL}/api/pshb.php`)
    this.key = key
    this.canonical = canonical
  }

  override answer(seen: Seen): Answer {
    this.requests.push(seen)
    const query = seen.url.searchParams
    const text = (status: number, body: string): Answer => ({
      status,
      body,
      headers: { 'Content-Type': 'text/plain; charset=UTF-8', 'X-Content-Type-Options': 'nosniff' },
    })
    const key = (query.get('k') ?? '').slice(0, 128)
    if (!/^[0-9a-fA-F]+$/.test(key)) return text(422, 'Invalid feed key format!')
    const mode = query.get('hub.mode')
    const challenge = query.get('hub.challenge') ?? ''
    if (key !== this.key) return mode === 'unsubscribe' ? text(200, challenge) : text(410, 'Feed key not found!')
    if (mode === 'subscribe') {
      const leaseSeconds = Number.parseInt(query.get('hub.lease_seconds') ?? '0', 10) || 0
      this.leaseEnd = leaseSeconds > 60 ? Date.now() / 1000 + leaseSeconds : undefined
      // "Do not assume that WebSub works until the first successful push".
      this.error ??= true
      return text(200, challenge)
    }
    if (mode === 'unsubscribe')
      return this.leaseEnd === undefined || this.leaseEnd < Date.now() / 1000
        ? text(200, challenge)
        : text(422, 'We did not ask to unsubscribe!')
    if (seen.body.byteLength === 0) return text(422, 'Missing XML payload!')
    const self = feedLinks(new TextDecoder().decode(seen.body), 'self')[0]
    if (self !== this.canonical) this.selfMismatches.push(String(self))
    this.error = false
    return text(200, 'Done: 1\n')
  }
}

let network: Network
/** Publishes `count` generated articles naming our hub; the changed paths. */
const publishedPaths = async (count: number): Promise<readonly string[]> => (await publishGenerated(count)).changedPaths

beforeAll(async () => {
  await publishedPaths(3)
  network = fakeNetwork()
  network.dns.set(new URL(BASE_URL).hostname, [ADDRESS])
})
afterAll(() => network.restore())

describe('FreshRSS 1.25 subscribing to our feed', () => {
  it('discovers the hub, subscribes with its exact form, is verified through pshb.php and receives the full feed, unsigned, with Link headers', async () => {
    // Feed.php: FreshRSS reads the hub and the topic from the feed document itself.
    const feed = await fetchWorker('/feed.xml')
    const xml = await feed.text()
    const [hubURL] = feedLinks(xml, 'hub')
    const [topicURL] = feedLinks(xml, 'self')
    expect(hubURL).toBe(HUB)
    expect(topicURL).toBe(`${ORIGIN}/feed.xml`)
    const topic = new URL(topicURL as string).pathname

    // pubSubHubbubPrepare(): key = sha1($path . $salt), $path = PSHB_PATH/feeds/sha1(selfUrl).
    const key = await sha1Hex(`/var/www/FreshRSS/data/PubSubHubbub/feeds/${await sha1Hex(topicURL as string)}salt`)
    const pshb = new PSHBEndpoint(key, topicURL as string)
    network.subscribers.push(pshb)
    const callback = `${BASE_URL}/api/pshb.php?k=${key}`

    // pubSubHubbubSubscribe(true): the body, byte for byte, as http_build_query() writes it.
    const body =
      `hub.verify=sync&hub.mode=subscribe&hub.topic=${phpURLEncode(topicURL as string)}` +
      `&hub.callback=${phpURLEncode(callback)}`
    expect(body).toBe(
      `hub.verify=sync&hub.mode=subscribe&hub.topic=${encodeURIComponent(`${ORIGIN}/feed.xml`)}` +
        `&hub.callback=https%3A%2F%2Ffreshrss.example.net%2Fapi%2Fpshb.php%3Fk%3D${key}`,
    )
    const response = await fetchWorker(new URL(hubURL as string).pathname, {
      method: 'POST',
      // What curl sends for CURLOPT_POSTFIELDS as a string, with CURLOPT_ENCODING ''.
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'User-Agent': USER_AGENT,
        Accept: '*/*',
        'Accept-Encoding': 'deflate, gzip, br, zstd',
      },
      body,
    })
    // FreshRSS counts any 2xx as success; the "sync" it asks for is not WebSub, and 202 is ours.
    expect(response.status).toBe(202)

    // The queue's verification GET reaches pshb.php, which echoes the challenge.
    await eventually(async () => expect((await subscriptionRow(topic, callback))?.state).toBe('verified'))
    expect(pshb.verifications).toHaveLength(1)
    const verification = pshb.verifications[0]?.url.searchParams
    expect(verification?.get('k')).toBe(key)
    expect(verification?.get('hub.mode')).toBe('subscribe')
    expect(verification?.get('hub.topic')).toBe(topicURL)
    const row = await subscriptionRow(topic, callback)
    expect(row?.secret).toBeNull()
    // pshb.php keeps a lease only when hub.lease_seconds > 60; ours (the default) is, and matches D1.
    expect(pshb.leaseEnd).toBeDefined()
    expect(Math.abs((pshb.leaseEnd ?? 0) * 1000 - (row?.expires_at ?? 0))).toBeLessThan(5_000)
    expect(pshb.error).toBe(true)

    // A change is published: the delivery reaches pshb.php with the whole document.
    expect(await publishedPaths(4)).toContain(topic)
    expect((await notifyHub([topic])).status).toBe(202)
    await eventually(() => expect(pshb.posts).toHaveLength(1))
    const delivery = pshb.posts[0] as Seen
    const current = await fetchWorker(topic)
    expect(delivery.body).toEqual(new Uint8Array(await current.arrayBuffer()))
    expect(delivery.headers.get('Content-Type')).toBe(current.headers.get('Content-Type'))
    expect(delivery.headers.has('X-Hub-Signature')).toBe(false)
    expect(delivery.headers.get('Link')).toBe(`<${HUB}>; rel="hub", <${topicURL}>; rel="self"`)
    expect(delivery.url.href).toBe(callback)
    // pshb.php accepted it as the feed it subscribed to, and the hub recorded the delivery.
    expect(pshb.selfMismatches).toEqual([])
    expect(pshb.error).toBe(false)
    await eventually(async () =>
      expect((await subscriptionRow(topic, callback))?.delivered_etag).toBe(current.headers.get('ETag')),
    )
  })
})
