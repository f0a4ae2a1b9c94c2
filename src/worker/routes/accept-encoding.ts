/**
 * @module
 * Which stored coding a reader gets (RFC 9110 §12.5.3). Behind Cloudflare the Worker's own
 * Accept-Encoding always reads `br, gzip` whatever the reader sent; the reader's value is
 * `request.cf.clientAcceptEncoding` (Miniflare does the same, with `""` for a reader that sent
 * none). A request without `cf` (a test calling the handler) has the reader's own header.
 */
import { type ContentCoding, ENCODINGS } from '../../archive/encodings.ts'

/** The reader's own Accept-Encoding: Cloudflare's copy of it when there is one. */
export const readerAcceptEncoding = (request: Request): string | null => {
  const cf = request.cf as { clientAcceptEncoding?: unknown } | undefined
  return typeof cf?.clientAcceptEncoding === 'string' ? cf.clientAcceptEncoding : request.headers.get('Accept-Encoding')
}

/** §8.4.1.3: x-gzip is gzip. */
const ALIASES: Readonly<Record<string, string>> = { 'x-gzip': 'gzip' }

/** Weights by coding name (lower case); `*` stands for every coding not listed. */
const weights = (header: string): Map<string, number> => {
  const result = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase())
    if (name === '') continue
    const q = parameters.find((parameter) => parameter.startsWith('q='))
    const weight = q === undefined ? 1 : Number(q.slice(2))
    result.set(ALIASES[name] ?? name, Number.isFinite(weight) ? Math.min(Math.max(weight, 0), 1) : 0)
  }
  return result
}

/**
 * The coding to send: the stored one with the highest weight above 0 (ties: br before gzip, and a
 * coding before identity), or identity when the reader weighs identity higher or accepts none of ours. Identity is always
 * sent when nothing else is acceptable, even if excluded: a 406 would help no feed reader.
 */
export const chooseCoding = (acceptEncoding: string | null): ContentCoding => {
  if (acceptEncoding === null || acceptEncoding.trim() === '') return 'identity'
  const weighted = weights(acceptEncoding)
  const any = weighted.get('*') ?? 0
  // An unlisted identity is acceptable but not preferred (§12.5.3): just above nothing.
  const identity = weighted.get('identity') ?? Number.MIN_VALUE
  let best: ContentCoding = 'identity'
  let bestWeight = identity
  for (const coding of ENCODINGS) {
    const weight = weighted.get(coding) ?? any
    // A tie with identity goes to the coding: `gzip, identity` asks for gzip.
    if (weight > 0 && (weight > bestWeight || (best === 'identity' && weight === bestWeight))) {
      best = coding
      bestWeight = weight
    }
  }
  return best
}

/** The coding to send this request. */
export const codingFor = (request: Request): ContentCoding => chooseCoding(readerAcceptEncoding(request))
