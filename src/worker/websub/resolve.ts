/**
 * @module
 * Host name → IP addresses, for the callback guard. A Worker has no resolver of its own, so
 * names are resolved over DNS-over-HTTPS (RFC 8484, Cloudflare's JSON API), A and AAAA; IP
 * literals and `localhost` (RFC 6761 §6.3: always loopback) are answered without asking.
 */
import { addressKind } from './addresses.ts'

export const DOH_ENDPOINT = 'https://cloudflare-dns.com/dns-query'

/** The resolver could not answer (not: the name does not exist). */
export class ResolverUnavailable extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ResolverUnavailable'
  }
}

type DoHAnswer = { readonly Status: number; readonly Answer?: readonly { type: number; data: string }[] }

const RECORD_TYPES = { A: 1, AAAA: 28 } as const

const query = async (host: string, type: keyof typeof RECORD_TYPES): Promise<string[]> => {
  const url = `${DOH_ENDPOINT}?name=${encodeURIComponent(host)}&type=${type}`
  let answer: DoHAnswer
  try {
    const response = await fetch(url, {
      headers: { Accept: 'application/dns-json' },
      signal: AbortSignal.timeout(3_000),
    })
    if (!response.ok) throw new Error(`HTTP ${response.status}`)
    answer = (await response.json()) as DoHAnswer
  } catch (error) {
    throw new ResolverUnavailable(`cannot resolve ${host}: ${(error as Error).message}`)
  }
  // RCODE 3 (NXDOMAIN): no addresses. Any other failure: unknown, not "none".
  if (answer.Status === 3) return []
  if (answer.Status !== 0) throw new ResolverUnavailable(`cannot resolve ${host}: DNS status ${answer.Status}`)
  return (answer.Answer ?? []).filter((record) => record.type === RECORD_TYPES[type]).map((record) => record.data)
}

/**
 * Answers kept for RESOLVED_SECONDS per isolate: a fan-out sends many deliveries to one host (a
 * feed reader's), and each lookup is two subrequests, which a Worker invocation has a budget of.
 */
export const RESOLVED_SECONDS = 30
const resolved = new Map<string, { readonly addresses: Promise<string[]>; readonly until: number }>()

const lookUp = async (name: string): Promise<string[]> => {
  const [a, aaaa] = await Promise.all([query(name, 'A'), query(name, 'AAAA')])
  return [...a, ...aaaa]
}

/** Every address `hostname` (as URL gives it: IPv6 in brackets) resolves to; empty if none. */
export const resolveHost = async (hostname: string): Promise<string[]> => {
  if (addressKind(hostname) !== undefined) return [hostname]
  const name = hostname.toLowerCase().replace(/\.$/, '')
  if (name === 'localhost' || name.endsWith('.localhost')) return ['127.0.0.1', '::1']
  const now = Date.now()
  const kept = resolved.get(name)
  if (kept && kept.until > now) return kept.addresses
  if (resolved.size > 1_000) resolved.clear()
  const addresses = lookUp(name)
  resolved.set(name, { addresses, until: now + RESOLVED_SECONDS * 1000 })
  // A failed lookup is not kept: the next request asks again.
  addresses.catch(() => resolved.delete(name))
  return addresses
}
