/** Requests per second of one URL under a fixed, bounded load (autocannon, loopback only). */
import autocannon from 'autocannon'

export type LoadOptions = {
  readonly connections: number
  readonly seconds: number
  readonly headers?: Record<string, string>
  /** The one status class every answer must have: a 304 run that got 200s measured something else. */
  readonly expect?: '2xx' | '3xx'
}

export const requestsPerSecond = async (
  url: string,
  { connections, seconds, headers, expect = '2xx' }: LoadOptions,
): Promise<number> => {
  const result = await autocannon({ url, connections, duration: seconds, headers, pipelining: 1 })
  const answered = result[expect] ?? 0
  const failures = result.errors + result.timeouts + (result.requests.total - answered)
  if (failures > 0 || answered === 0)
    throw new Error(`${url}: ${failures} of ${result.requests.total} requests failed or were not ${expect}`)
  return result.requests.average
}
