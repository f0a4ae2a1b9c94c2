/**
 * A stand-in for the network inside workerd: the Worker under test runs in the tests' isolate,
 * so replacing `fetch` reaches every request our hub makes. Subscribers answer at public IP
 * literals (no DNS needed); host names are answered by a fake DNS-over-HTTPS resolver.
 */
import { vi } from 'vitest'
import { DOH_ENDPOINT } from '../../src/worker/websub/resolve.ts'

export type Seen = {
  readonly method: string
  readonly url: URL
  readonly headers: Headers
  readonly body: Uint8Array
  readonly at: number
}

export type Answer = { status: number; body?: string; delayMs?: number; headers?: Record<string, string> }

/** A subscriber at `base`: echoes challenges and accepts deliveries unless told otherwise. */
export class FakeSubscriber {
  readonly base: string
  readonly requests: Seen[] = []
  /** How to answer a verification: echo the challenge, or a fixed answer. */
  verify: 'echo' | Answer = 'echo'
  /** Answers to deliveries, in turn; the last one repeats. */
  deliveries: Answer[] = [{ status: 204 }]

  constructor(base: string) {
    this.base = base
  }

  get verifications(): Seen[] {
    return this.requests.filter((request) => request.method === 'GET')
  }

  get posts(): Seen[] {
    return this.requests.filter((request) => request.method === 'POST')
  }

  answer(seen: Seen): Answer {
    this.requests.push(seen)
    if (seen.method === 'GET') {
      if (this.verify !== 'echo') return this.verify
      return { status: 200, body: seen.url.searchParams.get('hub.challenge') ?? '' }
    }
    const posts = this.posts.length
    return this.deliveries[Math.min(posts - 1, this.deliveries.length - 1)] as Answer
  }
}

export type Network = {
  readonly subscribers: FakeSubscriber[]
  /** name → addresses the fake resolver answers. */
  readonly dns: Map<string, string[]>
  /** The resolver answers 503 while true. */
  resolverDown: boolean
  subscriber(base: string): FakeSubscriber
  restore(): void
}

const respond = async (answer: Answer, signal: AbortSignal | null | undefined): Promise<Response> => {
  if (answer.delayMs)
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(resolve, answer.delayMs)
      signal?.addEventListener('abort', () => {
        clearTimeout(timer)
        reject(signal.reason)
      })
    })
  return new Response(answer.body ?? null, { status: answer.status, headers: answer.headers })
}

export const fakeNetwork = (): Network => {
  const subscribers: FakeSubscriber[] = []
  const dns = new Map<string, string[]>()
  const real = globalThis.fetch
  const fake = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init)
    const url = new URL(request.url)
    if (request.url.startsWith(DOH_ENDPOINT)) {
      if (network.resolverDown) return new Response(null, { status: 503 })
      const name = url.searchParams.get('name') ?? ''
      const type = url.searchParams.get('type') === 'AAAA' ? 28 : 1
      const addresses = (dns.get(name) ?? []).filter((a) => a.includes(':') === (type === 28))
      return Response.json({ Status: dns.has(name) ? 0 : 3, Answer: addresses.map((data) => ({ type, data })) })
    }
    const subscriber = subscribers.find((s) => request.url.startsWith(s.base))
    if (!subscriber) throw new TypeError(`fake network: nothing at ${request.url}`)
    const seen: Seen = {
      method: request.method,
      url,
      headers: request.headers,
      body: new Uint8Array(await request.arrayBuffer()),
      at: Date.now(),
    }
    const response = await respond(subscriber.answer(seen), init?.signal)
    // As fetch does: a 3xx is followed unless the caller asked for redirect: 'manual'.
    const location = response.headers.get('Location')
    if (response.status >= 300 && response.status < 400 && location && request.redirect !== 'manual')
      return fake(new URL(location, request.url), { method: 'GET', signal: init?.signal })
    return response
  }
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(fake)
  const network: Network = {
    subscribers,
    dns,
    resolverDown: false,
    subscriber(base) {
      const subscriber = new FakeSubscriber(base)
      subscribers.push(subscriber)
      return subscriber
    },
    restore() {
      spy.mockRestore()
      globalThis.fetch = real
    },
  }
  return network
}
