/**
 * @module
 * Our WebSub hub's endpoint, POST /websub (W3C WebSub §5.1): subscription requests are checked,
 * counted against the limits and answered 202 Accepted, then verified through the queue
 * (src/websub/consumer.ts); the publisher's `hub.mode=publish`, with its secret (publisher.ts),
 * fans the named topics out. Every
 * refusal is a 4xx with a one-line reason.
 */
import { type Context, Hono } from 'hono'
import { CONFIG } from '../config-binding.ts'
import type { AppEnv } from '../env.ts'
import { checkCallbackHost } from '../websub/callback-guard.ts'
import { fanOut } from '../websub/fan-out.ts'
import { type Hub, hubOf } from '../websub/hub.ts'
import { RATE, REQUEST_MAX_BYTES } from '../websub/limits.ts'
import type { DenyMessage, VerifyMessage } from '../websub/messages.ts'
import { countRequest } from '../websub/rate-limit.ts'
import { isBadRequest, type PublishRequest, parseHubRequest, type SubscriptionRequest } from '../websub/request.ts'
import { countForHost, recordPending } from '../websub/subscriptions.ts'
import { publishedETag } from '../websub/topic-state.ts'
import { topicOfURL } from '../websub/topics.ts'
import { refusePublisher } from './publisher.ts'

export const websub = new Hono<AppEnv>()

type Status = 202 | 400 | 403 | 405 | 413 | 415 | 429 | 503

/** A one-line plain-text answer: the reason for a refusal, or what happens next. */
const say = (c: Context<AppEnv>, status: Status, line: string, headers: Record<string, string> = {}): Response =>
  c.text(`${line}\n`, status, { 'Cache-Control': 'no-store', ...headers })

const FORM = 'application/x-www-form-urlencoded'

/** A published feed of ours, as a topic path; undefined for anything else. */
const ourTopic = async (hub: Hub, url: string): Promise<string | undefined> => {
  const topic = topicOfURL(url, hub.origin)
  return topic !== undefined && (await publishedETag(hub.db, topic)) !== null ? topic : undefined
}

const publishTopics = async (c: Context<AppEnv>, hub: Hub, request: PublishRequest): Promise<Response> => {
  const topics: string[] = []
  for (const url of request.topicURLs) {
    const topic = await ourTopic(hub, url)
    if (topic === undefined) return say(c, 400, `hub.url ${url} is not one of our published feeds`)
    topics.push(topic)
  }
  const now = Date.now()
  let queued = 0
  for (const topic of topics) queued += await fanOut(hub, topic, now)
  return say(c, 202, `Accepted: ${queued} deliveries queued for ${topics.length} topics`)
}

const subscription = async (c: Context<AppEnv>, hub: Hub, request: SubscriptionRequest): Promise<Response> => {
  const now = Date.now()
  const topicLimited = await countRequest(hub.db, `topic:${request.topicURL}`, RATE.perTopic, now)
  if (topicLimited)
    return say(c, 429, 'Too many subscription requests for this topic; try again later', {
      'Retry-After': String(topicLimited.retryAfter),
    })
  const refusal = await checkCallbackHost(request.callback, { allowLoopback: hub.allowLoopback })
  if (refusal) return say(c, refusal.status, refusal.reason)
  const callback = request.callback.href
  const topic = await ourTopic(hub, request.topicURL)
  if (topic === undefined) {
    // §5.2: the hub tells the subscriber, at its callback, that the request was denied.
    const denial: DenyMessage = {
      kind: 'deny',
      topicURL: request.topicURL,
      callback,
      reason: 'hub.topic is not a feed published here',
    }
    await hub.queue.send(denial, { contentType: 'json' })
    return say(c, 202, 'Accepted: the topic is not ours; a denial goes to the callback (hub.mode=denied)')
  }
  if (request.mode === 'subscribe') {
    const host = request.callback.host
    if ((await countForHost(hub.db, host, topic, callback)) >= RATE.subscriptionsPerHost)
      return say(c, 403, `${host} has ${RATE.subscriptionsPerHost} subscriptions already, the most one host may have`)
    await recordPending(hub.db, { topic, callback, leaseSeconds: request.leaseSeconds }, host, now)
  }
  const verify: VerifyMessage = {
    kind: 'verify',
    mode: request.mode,
    topic,
    callback,
    leaseSeconds: request.leaseSeconds,
    ...(request.secret !== undefined && { secret: request.secret }),
  }
  await hub.queue.send(verify, { contentType: 'json' })
  return say(c, 202, `Accepted: verifying intent to ${request.mode} at the callback (hub.challenge)`)
}

websub.post('/', async (c) => {
  const type = (c.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== FORM) return say(c, 415, `Send the request as ${FORM} (WebSub §5.1)`)
  if (Number(c.req.header('Content-Length') ?? 0) > REQUEST_MAX_BYTES)
    return say(c, 413, `The request body is larger than ${REQUEST_MAX_BYTES} bytes`)
  const bytes = await c.req.arrayBuffer()
  if (bytes.byteLength > REQUEST_MAX_BYTES)
    return say(c, 413, `The request body is larger than ${REQUEST_MAX_BYTES} bytes`)
  const request = parseHubRequest(new URLSearchParams(new TextDecoder().decode(bytes)))
  if (isBadRequest(request)) return say(c, 400, request.reason)
  // WebSub §6 leaves publishing to the hub: ours takes the usual form, from the publisher only.
  if (request.mode === 'publish') {
    const refusal = await refusePublisher(c, 'ping the hub (hub.mode=publish)')
    if (refusal) return refusal
  }
  const hub = hubOf(c.env, CONFIG)
  // Cloudflare sets CF-Connecting-IP on every request; wrangler dev may not.
  const client = c.req.header('CF-Connecting-IP') ?? 'unknown'
  const limited = await countRequest(hub.db, `client:${client}`, RATE.perClient, Date.now())
  if (limited)
    return say(c, 429, 'Too many requests from this client; try again later', {
      'Retry-After': String(limited.retryAfter),
    })
  return request.mode === 'publish' ? publishTopics(c, hub, request) : subscription(c, hub, request)
})

/** RFC 9110 §15.5.6: the hub takes POST only. */
websub.all('/', (c) => say(c, 405, 'The hub takes POST requests only (WebSub §5.1)', { Allow: 'POST' }))
