/**
 * @module
 * Range requests (RFC 9110 §14): which bytes of a representation of `size` bytes a request
 * asks for. One range only: a request for several is answered whole (§14.2: a server may ignore
 * Range), which every client must accept.
 */
/** What to send: the whole representation, one range (206), or nothing satisfiable (416). */
export type RangeDecision =
  | { readonly kind: 'whole' }
  | { readonly kind: 'partial'; readonly offset: number; readonly length: number }
  | { readonly kind: 'unsatisfiable' }

const WHOLE: RangeDecision = { kind: 'whole' }

/** §14.1.2 `bytes=first-last`, `bytes=first-`, `bytes=-suffix`; anything else (other units, lists) is ignored. */
const SINGLE_RANGE = /^bytes=[ \t]*(?:(\d+)-(\d*)|-(\d+))[ \t]*$/i

/**
 * §13.1.5 If-Range: the range applies only when the validator is our current strong entity tag
 * (strong comparison, §8.8.3.2). A date never matches: variants carry no Last-Modified, so a
 * client cannot have got one from us.
 */
const ifRangeHolds = (ifRange: string | null, etag: string): boolean => {
  if (ifRange === null) return true
  const value = ifRange.trim()
  if (!value.startsWith('"')) return false
  return value === etag && !etag.startsWith('W/')
}

/** The part of a `size`-byte representation with `etag` that `request` asks for. */
export const decideRange = (request: Request, size: number, etag: string): RangeDecision => {
  // §14.2: Range is defined for GET only (HEAD answers as GET would, without the body).
  if (request.method !== 'GET' && request.method !== 'HEAD') return WHOLE
  const range = request.headers.get('Range')
  if (range === null) return WHOLE
  const match = SINGLE_RANGE.exec(range)
  if (!match) return WHOLE
  if (!ifRangeHolds(request.headers.get('If-Range'), etag)) return WHOLE
  const [, first, last, suffix] = match
  if (suffix !== undefined) {
    // §14.1.3: a suffix of 0 bytes selects nothing.
    const length = Math.min(Number(suffix), size)
    return length === 0 ? { kind: 'unsatisfiable' } : { kind: 'partial', offset: size - length, length }
  }
  const offset = Number(first)
  // §14.1.3: "first-pos … greater than or equal to the current length" is unsatisfiable.
  if (offset >= size) return { kind: 'unsatisfiable' }
  const end = last === '' ? size - 1 : Number(last)
  // §14.1.1: a last-pos before first-pos makes the range invalid: ignore the header.
  if (end < offset) return WHOLE
  return { kind: 'partial', offset, length: Math.min(end, size - 1) - offset + 1 }
}

/** `Content-Range` of a 206 (§14.4). */
export const contentRange = (offset: number, length: number, size: number): string =>
  `bytes ${offset}-${offset + length - 1}/${size}`

/** `Content-Range` of a 416 (§15.5.17): the current length. */
export const unsatisfiedRange = (size: number): string => `bytes */${size}`
