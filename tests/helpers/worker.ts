/** Requests through the Worker's own fetch handler, as workerd runs it. */
import { exports } from 'cloudflare:workers'

export const ORIGIN = 'http://publisher.test'

export const get = (path: string, init?: RequestInit): Promise<Response> =>
  exports.default.fetch(new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }))
