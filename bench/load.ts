/** Requests per second of one URL under a fixed, bounded load (autocannon, loopback only). */
import autocannon from 'autocannon'

export type LoadOptions = {
  readonly connections: number
  readonly seconds: number
  readonly headers?: Record<string, string>
}

export const requestsPerSecond = async (
  url: string,
  { connections, seconds, headers }: LoadOptions,
): Promise<number> => {
  const result = await autocannon({ url, connections, duration: seconds, headers, pipelining: 1 })
  const failures =
    result.errors + result.timeouts + result.non2xx - (headers?.['If-None-Match'] ? (result['3xx'] ?? 0) : 0)
  if (failures > 0) throw new Error(`${url}: ${failures} failed requests`)
  return result.requests.average
}
