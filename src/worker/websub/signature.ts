/**
 * @module
 * Authenticated content distribution (W3C WebSub §8): `X-Hub-Signature: sha256=<hex HMAC of
 * the body keyed with hub.secret>`. SHA-256 is one of the four methods §8 registers.
 */

const encoder = new TextEncoder()

const hex = (buffer: ArrayBuffer): string =>
  Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, '0')).join('')

/** The X-Hub-Signature value for `body` signed with `secret`. */
export const signBody = async (secret: string, body: Uint8Array<ArrayBuffer>): Promise<string> => {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ])
  return `sha256=${hex(await crypto.subtle.sign('HMAC', key, body))}`
}
