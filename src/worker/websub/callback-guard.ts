/**
 * @module
 * Server-side request forgery guard for subscriber callbacks (W3C WebSub §9 asks hubs to
 * consider it): an http(s) URL without credentials or fragment whose host resolves only to
 * public addresses. Loopback is allowed only when WEBSUB_ALLOW_LOOPBACK is "true" (local work).
 * Checked when a subscription is requested and again before every request to the callback.
 */
import { addressKind } from './addresses.ts'
import { CALLBACK_MAX_LENGTH } from './limits.ts'
import { ResolverUnavailable, resolveHost } from './resolve.ts'

export type GuardOptions = { readonly allowLoopback: boolean }

/** Why a callback is refused: one line, for the 4xx body. */
export type Refusal = { readonly reason: string; readonly status: 400 | 403 | 503 }

/** The parsed callback, or why its text is not an acceptable URL. */
export const parseCallback = (text: string): URL | Refusal => {
  if (text === '') return { status: 400, reason: 'hub.callback is required' }
  if (text.length > CALLBACK_MAX_LENGTH)
    return { status: 400, reason: `hub.callback is longer than ${CALLBACK_MAX_LENGTH} characters` }
  const url = URL.parse(text)
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
    return { status: 400, reason: 'hub.callback must be an absolute http(s) URL' }
  if (url.username || url.password) return { status: 400, reason: 'hub.callback must not contain credentials' }
  if (url.hash) return { status: 400, reason: 'hub.callback must not contain a fragment' }
  return url
}

/** Undefined when every address of the callback's host may be reached; otherwise why not. */
export const checkCallbackHost = async (url: URL, options: GuardOptions): Promise<Refusal | undefined> => {
  let addresses: string[]
  try {
    addresses = await resolveHost(url.hostname)
  } catch (error) {
    if (error instanceof ResolverUnavailable) return { status: 503, reason: error.message }
    throw error
  }
  if (addresses.length === 0) return { status: 400, reason: `hub.callback host ${url.hostname} does not resolve` }
  for (const address of addresses) {
    const kind = addressKind(address)
    if (kind === 'public' || (kind === 'loopback' && options.allowLoopback)) continue
    const what = kind === 'loopback' ? 'a loopback' : 'a non-public'
    return { status: 403, reason: `hub.callback host ${url.hostname} resolves to ${what} address (${address})` }
  }
  return undefined
}
