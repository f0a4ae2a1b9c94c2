/** Range requests (RFC 9110 §14), decided for a 1,000-byte representation: routes/range.ts. */
import { describe, expect, it } from 'vitest'
import { contentRange, decideRange, unsatisfiedRange } from '../src/worker/routes/range.ts'

const ETAG = '"0123456789abcdef0123456789abcdef"'
const decide = (headers: Record<string, string>, method = 'GET') =>
  decideRange(new Request('http://x.test/media/a', { method, headers }), 1000, ETAG)

describe('decideRange', () => {
  it('reads first-last, first- and -suffix ranges, clamped to the length (§14.1.2)', () => {
    expect(decide({ Range: 'bytes=0-499' })).toEqual({ kind: 'partial', offset: 0, length: 500 })
    expect(decide({ Range: 'bytes=900-' })).toEqual({ kind: 'partial', offset: 900, length: 100 })
    expect(decide({ Range: 'bytes=-100' })).toEqual({ kind: 'partial', offset: 900, length: 100 })
    expect(decide({ Range: 'bytes=-5000' })).toEqual({ kind: 'partial', offset: 0, length: 1000 })
    expect(decide({ Range: 'bytes=990-5000' })).toEqual({ kind: 'partial', offset: 990, length: 10 })
    expect(decide({ Range: 'BYTES = 1-1' })).toEqual({ kind: 'whole' })
    expect(decide({ Range: 'bytes=1-1' })).toEqual({ kind: 'partial', offset: 1, length: 1 })
  })

  it('finds a start at or past the end, or an empty suffix, unsatisfiable (§14.1.3)', () => {
    expect(decide({ Range: 'bytes=1000-' })).toEqual({ kind: 'unsatisfiable' })
    expect(decide({ Range: 'bytes=1000-2000' })).toEqual({ kind: 'unsatisfiable' })
    expect(decide({ Range: 'bytes=-0' })).toEqual({ kind: 'unsatisfiable' })
  })

  it('ignores what it does not serve: other units, several ranges, last before first, nonsense (§14.2)', () => {
    for (const range of ['items=0-1', 'bytes=0-1,5-6', 'bytes=5-2', 'bytes=', 'bytes=a-b', 'bytes=-'])
      expect(decide({ Range: range }), range).toEqual({ kind: 'whole' })
    expect(decide({ Range: 'bytes=0-1' }, 'POST')).toEqual({ kind: 'whole' })
  })

  it('applies the range only when If-Range is our strong entity tag (§13.1.5)', () => {
    expect(decide({ Range: 'bytes=0-9', 'If-Range': ETAG })).toMatchObject({ kind: 'partial' })
    for (const ifRange of ['"other"', `W/${ETAG}`, 'Wed, 21 Oct 2015 07:28:00 GMT'])
      expect(decide({ Range: 'bytes=0-9', 'If-Range': ifRange }), ifRange).toEqual({ kind: 'whole' })
  })

  it('writes Content-Range for a 206 and a 416 (§14.4, §15.5.17)', () => {
    expect(contentRange(0, 500, 1000)).toBe('bytes 0-499/1000')
    expect(unsatisfiedRange(1000)).toBe('bytes */1000')
  })
})
