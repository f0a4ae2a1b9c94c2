/**
 * @module
 * The numbers our hub lives by, in one place. W3C WebSub leaves leases, retries and limits to
 * the hub (§5.1, §7); these are ours.
 */

/** hub.lease_seconds when the subscriber names none, and the bounds a request is clamped to (§5.1). */
export const LEASE = { defaultSeconds: 10 * 86_400, minSeconds: 3_600, maxSeconds: 30 * 86_400 } as const

/** §5.1: "hub.secret … MUST be less than 200 bytes in length". */
export const SECRET_MAX_BYTES = 199

/** Longest callback URL we accept (bytes of the URL as given). */
export const CALLBACK_MAX_LENGTH = 2_048

/** Longest subscription or publish request body we read. */
export const REQUEST_MAX_BYTES = 8_192

/** A callback answers within this, or the attempt fails (and is retried). */
export const CALLBACK_TIMEOUT_MS = 5_000

/** Bytes of a callback's answer we read at most: enough for any challenge echo. */
export const RESPONSE_MAX_BYTES = 4_096

/** Queue retries: the n-th attempt that failed waits base · 2^(n−1) seconds, at most max. */
export const RETRY = { baseSeconds: 5, maxSeconds: 3_600 } as const

/** Request limits: per client address and per topic, per window; subscriptions per callback host. */
export const RATE = {
  windowMs: 60_000,
  perClient: 60,
  perTopic: 120,
  subscriptionsPerHost: 200,
} as const
