/**
 * The hash the `scopes` rows keep of each list (src/publisher/publish/list-hash.ts): the same text
 * fed in pieces or at once hashes the same, and any one change to a page's text changes its hash.
 */
import { describe, expect, it } from 'vitest'
import { ListHash, listHash } from '../src/publisher/publish/list-hash.ts'

const page = (n: number): string =>
  Array.from(
    { length: 50 },
    (_, i) => `article-${n * 50 + i}\u0000${(n * 7919 + i).toString(16).padStart(64, '0')}`,
  ).join('\n')

describe('the list hash', () => {
  it('is 16 hex digits, the same whether the text comes in pieces or at once', () => {
    const text = page(1)
    expect(listHash(text)).toMatch(/^[0-9a-f]{16}$/)
    const pieces = new ListHash()
    for (const line of text.split('\n')) pieces.update(line).update('\n')
    expect(pieces.digest()).toBe(listHash(`${text}\n`))
  })

  it('tells 20,000 pages apart, and changes with any one character of a page', () => {
    const digests = new Set(Array.from({ length: 20_000 }, (_, n) => listHash(page(n))))
    expect(digests.size).toBe(20_000)
    const text = page(3)
    const before = listHash(text)
    for (let at = 0; at < text.length; at += 97) {
      const changed = `${text.slice(0, at)}${text[at] === 'x' ? 'y' : 'x'}${text.slice(at + 1)}`
      expect(listHash(changed), `character ${at}`).not.toBe(before)
    }
    // Two entries swapped: the same characters in another order.
    const lines = text.split('\n')
    expect(listHash([lines[1], lines[0], ...lines.slice(2)].join('\n'))).not.toBe(before)
  })

  it('of entries’ digests (mix): tells 20,000 pages apart, and changes with any one entry or their order', () => {
    const entry = (n: number) => new ListHash().update(`article-${n}\u0000${(n * 7919).toString(16)}`).halves()
    const pageOf = (entries: readonly (readonly [number, number])[]) =>
      entries.reduce((hash, [a, b]) => hash.mix(a, b), new ListHash()).digest()
    const entries = Array.from({ length: 20_050 }, (_, n) => entry(n))
    const pages = Array.from({ length: 20_000 }, (_, n) => pageOf(entries.slice(n, n + 50)))
    // Pages that overlap in 49 of their 50 entries are told apart too.
    expect(new Set(pages).size).toBe(20_000)
    const page = entries.slice(100, 150)
    const before = pageOf(page)
    for (let i = 0; i < page.length; i++) {
      const changed = [...page]
      changed[i] = entry(1_000_000 + i)
      expect(pageOf(changed), `entry ${i}`).not.toBe(before)
    }
    expect(pageOf([page[1], page[0], ...page.slice(2)] as [number, number][])).not.toBe(before)
  })
})
