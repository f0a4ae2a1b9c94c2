/**
 * Abuse: callbacks must be http(s) URLs resolving to public addresses (no loopback, private,
 * link-local, unique-local or metadata ranges) unless WEBSUB_ALLOW_LOOPBACK; no redirect is
 * followed; answers are read up to a bound; requests are limited per client and per topic,
 * subscriptions per callback host; secrets are under 200 bytes; every bad request gets a 4xx
 * with a one-line reason.
 */
import { env } from 'cloudflare:workers'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { addressKind } from '../../src/worker/websub/addresses.ts'
import { checkCallbackHost } from '../../src/worker/websub/callback-guard.ts'
import { RATE, RESPONSE_MAX_BYTES } from '../../src/worker/websub/limits.ts'
import { callCallback } from '../../src/worker/websub/outbound.ts'
import { RESOLVED_SECONDS, resolveHost } from '../../src/worker/websub/resolve.ts'
import type { SubscriptionRow } from '../../src/worker/websub/subscriptions.ts'
import { publishGenerated } from '../helpers/publish.ts'
import { hubRequest } from '../helpers/websub.ts'
import { get, ORIGIN } from '../helpers/worker.ts'
import { fakeNetwork, type Network } from './network.ts'

vi.setConfig({ testTimeout: 30_000 })

let network: Network
let client = 0
beforeAll(async () => {
  await publishGenerated(3)
})
afterEach(() => {
  network?.restore()
  network = undefined as unknown as Network
})

/** Each request from its own client address unless told, so the per-client limit stays out of the way. */
const request = (fields: Record<string, string>, ip = `198.51.100.${++client % 250}`) =>
  hubRequest(fields, { headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'CF-Connecting-IP': ip } })

const subscribeTo = (callback: string, extra: Record<string, string> = {}, ip?: string) =>
  request({ 'hub.mode': 'subscribe', 'hub.topic': `${ORIGIN}/feed.xml`, 'hub.callback': callback, ...extra }, ip)

/** The status and the one-line reason of a refusal. */
const refusal = async (response: Response) => {
  const text = await response.text()
  expect(text).toMatch(/^[^\n]+\n$/)
  return [response.status, text.trim()] as const
}

describe('IP address ranges', () => {
  it.each([
    ['93.184.215.14', 'public'],
    ['8.8.8.8', 'public'],
    ['2606:4700::6810:84e5', 'public'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:7f00:1', 'loopback'], // ::ffff:127.0.0.1
    ['10.1.2.3', 'special'],
    ['172.16.0.1', 'special'],
    ['172.31.255.255', 'special'],
    ['192.168.1.1', 'special'],
    ['100.64.0.1', 'special'],
    ['169.254.169.254', 'special'], // cloud metadata
    ['0.0.0.0', 'special'],
    ['224.0.0.1', 'special'],
    ['255.255.255.255', 'special'],
    ['fd00:ec2::254', 'special'], // AWS metadata over IPv6, unique-local
    ['fc00::1', 'special'],
    ['fe80::1', 'special'],
    ['ff02::1', 'special'],
    ['::', 'special'],
    ['::ffff:a00:1', 'special'], // ::ffff:10.0.0.1
    ['64:ff9b::a9fe:a9fe', 'special'], // NAT64 of 169.254.169.254
    ['2002:c0a8:101::1', 'special'], // 6to4 of 192.168.1.1
    ['2001:db8::1', 'special'],
  ])('%s is %s', (ip, kind) => {
    expect(addressKind(ip)).toBe(kind)
  })

  it('is not fooled by non-canonical IPv4 forms (URL parsing normalises them first)', () => {
    for (const host of ['0x7f.1', '2130706433', '0177.0.0.1', '127.1'])
      expect(addressKind(new URL(`http://${host}/`).hostname)).toBe('loopback')
  })
})

describe('callbacks', () => {
  it.each([
    ['http://127.0.0.1:9000/cb', 403, /loopback/],
    ['http://localhost/cb', 403, /loopback/],
    ['http://[::1]/cb', 403, /loopback/],
    ['http://2130706433/cb', 403, /loopback/],
    ['http://10.0.0.8/cb', 403, /non-public/],
    ['http://192.168.0.10/cb', 403, /non-public/],
    ['http://169.254.169.254/latest/meta-data/', 403, /non-public/],
    ['http://[fd00:ec2::254]/cb', 403, /non-public/],
    ['http://[fe80::1]/cb', 403, /non-public/],
    ['ftp://93.184.215.14/cb', 400, /http\(s\)/],
    ['/relative', 400, /http\(s\)/],
    ['http://user:pw@93.184.215.14/cb', 400, /credentials/],
    ['http://93.184.215.14/cb#x', 400, /fragment/],
    [`http://93.184.215.14/${'x'.repeat(2100)}`, 400, /longer than/],
  ])('refuses %s', async (callback, status, reason) => {
    network = fakeNetwork()
    const [code, line] = await refusal(await subscribeTo(callback))
    expect(code).toBe(status)
    expect(line).toMatch(reason)
  })

  it('resolves host names and refuses those with any non-public address', async () => {
    network = fakeNetwork()
    network.dns.set('public.example', ['93.184.215.14'])
    network.dns.set('inside.example', ['93.184.215.14', '10.0.0.5'])
    network.dns.set('metadata.example', ['fd00:ec2::254'])
    network.subscriber('http://public.example/')
    expect((await subscribeTo('http://public.example/cb')).status).toBe(202)
    expect(await refusal(await subscribeTo('http://inside.example/cb'))).toEqual([
      403,
      'hub.callback host inside.example resolves to a non-public address (10.0.0.5)',
    ])
    expect((await subscribeTo('http://metadata.example/cb')).status).toBe(403)
    expect(await refusal(await subscribeTo('http://nowhere.example/cb'))).toEqual([
      400,
      'hub.callback host nowhere.example does not resolve',
    ])
  })

  it('checks the host again before every request to it (DNS may have changed)', async () => {
    network = fakeNetwork()
    network.dns.set('changes.example', ['10.9.9.9'])
    const subscriber = network.subscriber('http://changes.example/')
    await expect(
      callCallback(new URL('http://changes.example/cb'), { method: 'GET' }, { allowLoopback: false }),
    ).rejects.toThrow(/non-public/)
    expect(subscriber.requests).toHaveLength(0)
  })

  it(`keeps a resolved host for ${RESOLVED_SECONDS} s, and does not keep a failed lookup`, async () => {
    network = fakeNetwork()
    network.dns.set('kept.example', ['93.184.215.30'])
    const lookups = () =>
      vi.mocked(fetch).mock.calls.filter(([input]) => String(input).includes('name=kept.example')).length
    await resolveHost('kept.example')
    await resolveHost('kept.example')
    expect(lookups()).toBe(2) // A and AAAA, once
    vi.useFakeTimers({ now: Date.now() + RESOLVED_SECONDS * 1000 + 1, toFake: ['Date'] })
    try {
      await resolveHost('kept.example')
    } finally {
      vi.useRealTimers()
    }
    expect(lookups()).toBe(4)
    network.resolverDown = true
    await expect(resolveHost('flaky.example')).rejects.toThrow(/cannot resolve flaky.example: HTTP 503/)
    network.resolverDown = false
    network.dns.set('flaky.example', ['93.184.215.31'])
    expect(await resolveHost('flaky.example')).toEqual(['93.184.215.31'])
  })

  it('allows loopback callbacks only with WEBSUB_ALLOW_LOOPBACK, and never private ones', async () => {
    const loopback = new URL('http://127.0.0.1:9000/cb')
    expect(await checkCallbackHost(loopback, { allowLoopback: false })).toMatchObject({ status: 403 })
    expect(await checkCallbackHost(loopback, { allowLoopback: true })).toBeUndefined()
    expect(await checkCallbackHost(new URL('http://localhost:9000/cb'), { allowLoopback: true })).toBeUndefined()
    expect(await checkCallbackHost(new URL('http://10.0.0.1/cb'), { allowLoopback: true })).toMatchObject({
      status: 403,
    })
    // wrangler.toml ships with it off.
    expect(env.WEBSUB_ALLOW_LOOPBACK).toBe('false')
  })

  it('follows no redirect: a 3xx to a verification is a refusal, and its target is never asked', async () => {
    network = fakeNetwork()
    const subscriber = network.subscriber('http://93.184.215.20/')
    const target = network.subscriber('http://93.184.215.21/')
    subscriber.verify = { status: 302, headers: { Location: `${target.base}echo` } }
    const callback = `${subscriber.base}cb`
    expect((await subscribeTo(callback)).status).toBe(202)
    await vi.waitFor(() => expect(subscriber.verifications).toHaveLength(1), { timeout: 10_000 })
    await vi.waitFor(
      async () =>
        expect(
          await env.DB.prepare('SELECT * FROM websub_subscriptions WHERE callback = ?')
            .bind(callback)
            .first<SubscriptionRow>(),
        ).toBeNull(),
      { timeout: 10_000 },
    )
    expect(target.requests).toHaveLength(0)
  })

  it(`reads at most ${RESPONSE_MAX_BYTES} bytes of an answer`, async () => {
    network = fakeNetwork()
    const subscriber = network.subscriber('http://93.184.215.22/')
    subscriber.verify = { status: 200, body: 'y'.repeat(1_000_000) }
    const answer = await callCallback(new URL(`${subscriber.base}cb`), { method: 'GET' }, { allowLoopback: false })
    expect(answer.status).toBe(200)
    expect(answer.body.length).toBe(RESPONSE_MAX_BYTES)
  })
})

describe('bad requests', () => {
  const form = {
    'hub.mode': 'subscribe',
    'hub.topic': `${ORIGIN}/feed.xml`,
    'hub.callback': 'http://93.184.215.14/cb',
  }
  it.each([
    [{ ...form, 'hub.mode': 'follow' }, 400, 'hub.mode must be subscribe, unsubscribe or publish'],
    [
      { 'hub.topic': form['hub.topic'], 'hub.callback': form['hub.callback'] },
      400,
      'hub.mode must be subscribe, unsubscribe or publish',
    ],
    [{ ...form, 'hub.topic': '' }, 400, 'hub.topic is required'],
    [{ ...form, 'hub.callback': '' }, 400, 'hub.callback is required'],
    [{ ...form, 'hub.lease_seconds': '1e9' }, 400, 'hub.lease_seconds must be a whole number of seconds'],
    [{ ...form, 'hub.secret': 's'.repeat(200) }, 400, 'hub.secret must be less than 200 bytes'],
    [{ ...form, 'hub.secret': 'é'.repeat(100) }, 400, 'hub.secret must be less than 200 bytes'],
    [{ 'hub.mode': 'publish' }, 400, 'hub.mode=publish needs hub.url'],
  ])('%j → %i with a one-line reason', async (fields, status, reason) => {
    expect(await refusal(await request(fields))).toEqual([status, reason])
  })

  it('accepts a secret of 199 bytes', async () => {
    network = fakeNetwork()
    network.subscriber('http://93.184.215.14/')
    expect((await subscribeTo('http://93.184.215.14/s199', { 'hub.secret': 's'.repeat(199) })).status).toBe(202)
  })

  it('refuses a parameter given twice', async () => {
    const body = new URLSearchParams(form)
    body.append('hub.callback', 'http://93.184.215.15/cb')
    const response = await hubRequest({}, { body: body.toString() })
    expect(await refusal(response)).toEqual([400, 'hub.callback is given more than once'])
  })

  it('refuses other media types, large bodies and other methods', async () => {
    const json = await get('/websub', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    })
    expect((await refusal(json))[0]).toBe(415)
    const large = await hubRequest({ ...form, pad: 'x'.repeat(10_000) })
    expect((await refusal(large))[0]).toBe(413)
    const plain = await get('/websub')
    expect((await refusal(plain))[0]).toBe(405)
    expect(plain.headers.get('Allow')).toBe('POST')
  })
})

describe('limits', () => {
  // The counters are per fixed minute (rate-limit.ts): a test that ran across a minute's end would
  // count its last requests in a new window. The clock is held one second into a minute.
  beforeEach(() => {
    vi.useFakeTimers({ now: Math.ceil(Date.now() / RATE.windowMs) * RATE.windowMs + 1000, toFake: ['Date'] })
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it(`allows ${RATE.perClient} requests per client per minute, then 429 with Retry-After`, async () => {
    const statuses: number[] = []
    for (let i = 0; i <= RATE.perClient; i++)
      statuses.push((await request({ 'hub.mode': 'publish', 'hub.url': `${ORIGIN}/feed.xml` }, '203.0.113.77')).status)
    expect(statuses.slice(0, RATE.perClient).every((status) => status === 202)).toBe(true)
    const last = await request({ 'hub.mode': 'publish', 'hub.url': `${ORIGIN}/feed.xml` }, '203.0.113.77')
    expect(last.status).toBe(429)
    expect(Number(last.headers.get('Retry-After'))).toBeGreaterThanOrEqual(1)
    expect(Number(last.headers.get('Retry-After'))).toBeLessThanOrEqual(60)
    // Another client is not affected.
    expect((await request({ 'hub.mode': 'publish', 'hub.url': `${ORIGIN}/feed.xml` }, '203.0.113.78')).status).toBe(202)
  })

  it(`allows ${RATE.perTopic} subscription requests per topic per minute, from any clients`, async () => {
    network = fakeNetwork()
    const topic = `${ORIGIN}/tags/beta/atom.xml`
    const ask = () =>
      request({ 'hub.mode': 'unsubscribe', 'hub.topic': topic, 'hub.callback': 'http://[2001:db8::1]/cb' })
    // Refused callbacks count too: the limit is checked first.
    for (let i = 0; i < RATE.perTopic; i++) expect((await ask()).status).toBe(403)
    const limited = await ask()
    expect(limited.status).toBe(429)
    expect(limited.headers.get('Retry-After')).toMatch(/^\d+$/)
  })

  it(`allows ${RATE.subscriptionsPerHost} subscriptions per callback host`, async () => {
    network = fakeNetwork()
    network.subscriber('http://93.184.216.1/')
    const host = '93.184.216.1'
    const rows = Array.from({ length: RATE.subscriptionsPerHost }, (_, i) =>
      env.DB.prepare(
        `INSERT INTO websub_subscriptions (topic, callback, callback_host, state, lease_seconds, expires_at, created_at)
         VALUES ('/feed.xml', ?, ?, 'verified', 3600, ?, ?)`,
      ).bind(`http://${host}/cb/${i}`, host, Date.now() + 3_600_000, Date.now()),
    )
    await env.DB.batch(rows)
    expect(await refusal(await subscribeTo(`http://${host}/cb/new`))).toEqual([
      403,
      `${host} has ${RATE.subscriptionsPerHost} subscriptions already, the most one host may have`,
    ])
    // Renewing one of its subscriptions is not a new one.
    expect((await subscribeTo(`http://${host}/cb/0`)).status).toBe(202)
  })
})
