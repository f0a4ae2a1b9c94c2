/**
 * @module
 * Unknown paths are cheap. A well-formed path nothing is published at (`/articles/x`) costs an
 * R2 miss and an index lookup (is the object lost, or was it never published?). A flood of them
 * must not become a flood of D1 reads, so the isolate remembers, for MEMORY_SECONDS (a publish
 * is seen within that time, as for answers), that nothing is published at a key; and once the
 * index was seen non-empty, it does not ask again whether anything is published at all.
 */
import { documentStatus, isAnythingPublished } from '../../archive/index-queries.ts'
import { StorageUnavailable } from '../../archive/read.ts'

export type AbsentKeysOptions = {
  readonly seconds: number
  /** Keys remembered at most (a key and its time: ~100 bytes each). */
  readonly maxKeys: number
}

export class AbsentKeys {
  readonly #expires = new Map<string, number>()
  readonly #options: AbsentKeysOptions
  #indexNonEmpty = false

  constructor(options: AbsentKeysOptions) {
    this.#options = options
  }

  /** True when nothing was published at `key` a moment ago: answer 404 without reading storage. */
  isAbsent(key: string): boolean {
    const expires = this.#expires.get(key)
    if (expires === undefined) return false
    if (expires > Date.now()) return true
    this.#expires.delete(key)
    return false
  }

  /**
   * For a key R2 has no object for: undefined when nothing is published there (404, remembered),
   * or why storage is at fault (the index lists it, or nothing is published yet: 503).
   */
  async problem(db: D1Database, key: string): Promise<string | undefined> {
    try {
      const status = await documentStatus(db, key)
      if (status === 200) return `${key} is published but its object is missing`
      if (status === undefined && !this.#indexNonEmpty) {
        if (!(await isAnythingPublished(db))) return 'nothing is published yet: run `npm run publish`'
        this.#indexNonEmpty = true
      }
    } catch (error) {
      throw new StorageUnavailable(`D1 lookup of ${key} failed`, { cause: error })
    }
    this.#remember(key)
    return undefined
  }

  /** Forgets everything (a test publishes into an empty archive). */
  clear(): void {
    this.#expires.clear()
    this.#indexNonEmpty = false
  }

  #remember(key: string): void {
    const { seconds, maxKeys } = this.#options
    if (seconds === 0 || maxKeys === 0) return
    this.#expires.delete(key)
    // Oldest out first: a Map iterates in insertion order.
    while (this.#expires.size >= maxKeys) this.#expires.delete(this.#expires.keys().next().value as string)
    this.#expires.set(key, Date.now() + seconds * 1000)
  }
}
