/**
 * @module
 * Content distribution (W3C WebSub §7): a POST to the callback of the topic's current bytes
 * with its Content-Type, the hub and self Link headers, and X-Hub-Signature when the
 * subscriber gave a secret (§8). The bytes are read from R2 at delivery time, so a subscriber
 * always gets the version current when its delivery runs.
 */
import type { GuardOptions } from './callback-guard.ts'
import { callCallback } from './outbound.ts'
import { signBody } from './signature.ts'

export type Delivery = {
  readonly callback: string
  readonly secret: string | null
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly contentType: string
  readonly hubURL: string
  readonly topicURL: string
}

/** How a delivery ended: accepted (2xx), gone (410: the subscription ends, §7), or failed (retry). */
export type DeliveryOutcome = 'delivered' | 'gone' | 'failed'

/** One POST of a topic to one subscriber. Throws CallbackUnreachable when there was no answer. */
export const deliver = async (delivery: Delivery, options: GuardOptions): Promise<DeliveryOutcome> => {
  const headers: Record<string, string> = {
    'Content-Type': delivery.contentType,
    // §7: "the hub MUST send a Link header with rel=hub … and rel=self".
    Link: `<${delivery.hubURL}>; rel="hub", <${delivery.topicURL}>; rel="self"`,
  }
  if (delivery.secret !== null) headers['X-Hub-Signature'] = await signBody(delivery.secret, delivery.bytes)
  const answer = await callCallback(
    new URL(delivery.callback),
    { method: 'POST', headers, body: delivery.bytes },
    options,
  )
  if (answer.status >= 200 && answer.status < 300) return 'delivered'
  return answer.status === 410 ? 'gone' : 'failed'
}
