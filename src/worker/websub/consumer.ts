/**
 * @module
 * The queue consumer: verifications, denials and deliveries, each message on its own. All
 * messages of a batch run side by side (each callback bounded by its timeout), each is acked or
 * retried by itself with exponential backoff, and what still fails after max_retries goes to
 * the dead-letter queue (wrangler.toml). A 410 Gone ends the subscription (W3C WebSub §7).
 */
import { readStored } from '../../archive/read.ts'
import { deliver } from './deliver.ts'
import type { Hub } from './hub.ts'
import { RETRY } from './limits.ts'
import { type DeliverMessage, type DenyMessage, readMessage, type VerifyMessage } from './messages.ts'
import { CallbackUnreachable } from './outbound.ts'
import {
  activate,
  dropPending,
  findSubscriptions,
  markDelivered,
  removeSubscription,
  type SubscriptionRow,
  subscriptionKey,
} from './subscriptions.ts'
import { publishedETag, recordBaseline } from './topic-state.ts'
import { topicURL } from './topics.ts'
import { sendDenial, verifyIntent } from './verify.ts'

/** Done (ack) or try again later (retry with backoff). */
type Outcome = 'done' | 'retry'

/** Seconds before the next attempt after `attempts` failed ones (1 → base, doubling, capped). */
export const backoffSeconds = (attempts: number): number =>
  Math.min(RETRY.maxSeconds, RETRY.baseSeconds * 2 ** Math.max(0, attempts - 1))

const hostOf = (callback: string): string => new URL(callback).host

const handleVerify = async (hub: Hub, message: VerifyMessage): Promise<Outcome> => {
  const { topic, callback, mode } = message
  let intent: Awaited<ReturnType<typeof verifyIntent>>
  try {
    intent = await verifyIntent(
      { mode, topicURL: topicURL(hub.origin, topic), callback, leaseSeconds: message.leaseSeconds },
      { allowLoopback: hub.allowLoopback },
    )
  } catch (error) {
    if (!(error instanceof CallbackUnreachable) || !error.permanent) throw error
    // The callback is no longer acceptable (its host now resolves to a private address).
    if (mode === 'subscribe') await dropPending(hub.db, topic, callback)
    return 'done'
  }
  // A server error is no answer to the question: ask again later.
  if (intent.answer.status >= 500) return 'retry'
  if (!intent.confirmed) {
    // §5.3: not confirmed, so nothing changes (a verified subscription stays as it was).
    if (mode === 'subscribe') await dropPending(hub.db, topic, callback)
    return 'done'
  }
  if (mode === 'unsubscribe') {
    await removeSubscription(hub.db, topic, callback)
    return 'done'
  }
  const etag = await publishedETag(hub.db, topic)
  await activate(
    hub.db,
    { topic, callback, secret: message.secret, leaseSeconds: message.leaseSeconds },
    hostOf(callback),
    Date.now(),
    etag,
  )
  if (etag !== null) await recordBaseline(hub.db, topic, etag, Date.now())
  return 'done'
}

const handleDeny = async (hub: Hub, message: DenyMessage): Promise<Outcome> => {
  try {
    await sendDenial(message, { allowLoopback: hub.allowLoopback })
  } catch (error) {
    if (error instanceof CallbackUnreachable && error.permanent) return 'done'
    throw error
  }
  return 'done'
}

type Topic = { readonly etag: string; readonly contentType: string; readonly bytes: Uint8Array<ArrayBuffer> }

/**
 * What the deliveries of one batch share: a fan-out puts many deliveries of one topic in a
 * batch, so one R2 read per topic and one D1 query for all subscriptions serve them, and what
 * was delivered is recorded in one D1 batch at the end (D1 counts queries per invocation).
 */
type BatchContext = {
  readonly topics: Map<string, Promise<Topic | undefined>>
  readonly subscriptions: ReadonlyMap<string, SubscriptionRow>
  readonly delivered: D1PreparedStatement[]
}

/** The topic's current bytes and validators (src/archive/read.ts), if it is published. */
const readTopic = async (bucket: R2Bucket, topic: string): Promise<Topic | undefined> => {
  const stored = await readStored(bucket, topic)
  return stored?.status === 200 ? stored : undefined
}

const handleDeliver = async (hub: Hub, message: DeliverMessage, batch: BatchContext): Promise<Outcome> => {
  const { topic, callback } = message
  const now = Date.now()
  const subscription = batch.subscriptions.get(subscriptionKey(topic, callback))
  if (subscription?.state !== 'verified' || (subscription.expires_at ?? 0) <= now) return 'done'
  const read = batch.topics.get(topic) ?? readTopic(hub.bucket, topic)
  batch.topics.set(topic, read)
  const current = await read
  // Removed since, or this subscriber has this version already (a repeated fan-out).
  if (!current || subscription.delivered_etag === current.etag) return 'done'
  let outcome: Awaited<ReturnType<typeof deliver>>
  try {
    outcome = await deliver(
      {
        callback,
        secret: subscription.secret,
        bytes: current.bytes,
        contentType: current.contentType,
        hubURL: hub.hubURL,
        topicURL: topicURL(hub.origin, topic),
      },
      { allowLoopback: hub.allowLoopback },
    )
  } catch (error) {
    if (error instanceof CallbackUnreachable && error.permanent) {
      console.warn(`websub: not delivering ${topic} to ${callback}: ${error.message}`)
      return 'done'
    }
    throw error
  }
  if (outcome === 'gone') await removeSubscription(hub.db, topic, callback)
  if (outcome === 'delivered') batch.delivered.push(markDelivered(hub.db, topic, callback, current.etag))
  return outcome === 'failed' ? 'retry' : 'done'
}

/** Handles one queue batch: every message acked or retried on its own. */
export const consumeBatch = async (batch: MessageBatch<unknown>, hub: Hub): Promise<void> => {
  // The same delivery twice in one batch (a notification and the cron): the first one serves both.
  const seen = new Set<string>()
  const bodies = batch.messages.map((message) => readMessage(message.body))
  const deliveries = bodies.filter((body): body is DeliverMessage => body?.kind === 'deliver')
  const context: BatchContext = {
    topics: new Map(),
    subscriptions: await findSubscriptions(hub.db, deliveries),
    delivered: [],
  }
  await Promise.all(
    batch.messages.map(async (message, i) => {
      const body = bodies[i]
      const key = body?.kind === 'deliver' ? subscriptionKey(body.topic, body.callback) : undefined
      if (!body || (key !== undefined && seen.has(key))) return message.ack()
      if (key !== undefined) seen.add(key)
      let outcome: Outcome
      try {
        if (body.kind === 'verify') outcome = await handleVerify(hub, body)
        else if (body.kind === 'deny') outcome = await handleDeny(hub, body)
        else outcome = await handleDeliver(hub, body, context)
      } catch (error) {
        console.warn(`websub: ${body.kind} to ${body.callback} failed (attempt ${message.attempts}):`, error)
        outcome = 'retry'
      }
      if (outcome === 'done') message.ack()
      else message.retry({ delaySeconds: backoffSeconds(message.attempts) })
    }),
  )
  // Lost only if this fails: then a repeated fan-out of the same version may deliver it twice.
  if (context.delivered.length > 0)
    await hub.db.batch(context.delivered).catch((error) => console.warn('websub: recording deliveries failed:', error))
}
