/**
 * @module
 * The hash that tells a list (an archive page, a subscription document) from its previous version
 * in the `scopes` rows (touched.ts): 64 bits, computed in JavaScript as the text is fed in.
 *
 * Why not SHA-256 (crypto.subtle): a publish hashes every page of every scope — ~6,000 pages of
 * 50 entries at 100,000 articles — to find the one or two that changed. Through crypto.subtle each
 * page was a joined string and an asynchronous digest: ~0.3 s and most of the garbage of that
 * phase (measured, `bench/plan.ts`). Nothing here is a secret or an adversary's input: the hash
 * compares a newsroom's own page with its own previous version, where 64 bits make a mistaken
 * "unchanged" a 1 in 2^64 event per page.
 *
 * Two 32-bit multiply-xor lanes over UTF-16 code units, mixed at the end (the construction of
 * cyrb53, public domain, widened to two full 32-bit halves). A list feeds in each entry's own
 * digest (`mix`, two 32-bit words) rather than the entry's text: an article is in the site's
 * lists and in each of its tags', and hashing its text once instead of in every scope took the
 * scopes phase at 100,000 articles from 0.57-0.71 s to 0.45-0.51 s.
 */
export class ListHash {
  #h1 = 0xdeadbeef
  #h2 = 0x41c6ce57

  update(text: string): this {
    let h1 = this.#h1
    let h2 = this.#h2
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i)
      h1 = Math.imul(h1 ^ unit, 2654435761)
      h2 = Math.imul(h2 ^ unit, 1597334677)
    }
    this.#h1 = h1
    this.#h2 = h2
    return this
  }

  /** Feeds in two 32-bit words (another hash's `halves`), each lane's word shifted into its low bits. */
  mix(word1: number, word2: number): this {
    const h1 = Math.imul(this.#h1 ^ word1, 2654435761)
    const h2 = Math.imul(this.#h2 ^ word2, 1597334677)
    this.#h1 = h1 ^ (h1 >>> 15)
    this.#h2 = h2 ^ (h2 >>> 15)
    return this
  }

  /** The final 64 bits as two 32-bit words, for `mix`. */
  halves(): [number, number] {
    let h1 = this.#h1
    let h2 = this.#h2
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
    return [h1, h2]
  }

  /** 16 hex digits. */
  digest(): string {
    const [h1, h2] = this.halves()
    const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0')
    return hex(h1) + hex(h2)
  }
}

/** The hash of one text. */
export const listHash = (text: string): string => new ListHash().update(text).digest()
