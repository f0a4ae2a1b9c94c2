/** @module SHA-256 in hex, the same in Node and in workerd (Web Crypto). */

const encoder = new TextEncoder()

const toHex = (buffer: ArrayBuffer, bytes: number): string =>
  Array.from(new Uint8Array(buffer, 0, bytes), (b) => b.toString(16).padStart(2, '0')).join('')

/** The first `bytes` bytes of the SHA-256 of `text`, in hex. */
export const sha256Hex = async (text: string, bytes = 32): Promise<string> =>
  toHex(await crypto.subtle.digest('SHA-256', encoder.encode(text)), bytes)

/**
 * Strong entity tag (RFC 9110 §8.8.3) of a representation: the media type is part of it, so the
 * same bytes sent as another type get another tag and a cache never answers one with the other.
 */
export const entityTag = async (contentType: string, body: string): Promise<string> =>
  `"${await sha256Hex(`${contentType}\n${body}`, 16)}"`

/** entityTag for binary bodies (pictures, icons): the media type, a newline, then the bytes. */
export const entityTagOfBytes = async (contentType: string, bytes: Uint8Array): Promise<string> => {
  const head = encoder.encode(`${contentType}\n`)
  const all = new Uint8Array(head.length + bytes.length)
  all.set(head)
  all.set(bytes, head.length)
  return `"${toHex(await crypto.subtle.digest('SHA-256', all), 16)}"`
}
