/**
 * Counting wrappers around the real bindings (not doubles: every call goes to the local R2 and
 * D1): how many R2 gets, with which options, how many body copies, how many D1 statements.
 */

export type R2Count = {
  readonly gets: { readonly key: string; readonly options?: R2GetOptions }[]
  readonly heads: string[]
  /** Calls that copy a whole body into memory: arrayBuffer, text, json, blob, bytes. */
  copies: number
}

const COPYING = new Set(['arrayBuffer', 'text', 'json', 'blob', 'bytes'])

/** Wraps an object body so that copying it whole is counted. */
const countingBody = <T extends object>(object: T, count: R2Count): T =>
  new Proxy(object, {
    get(target, property) {
      const value = Reflect.get(target, property, target)
      if (typeof value !== 'function') return value
      if (COPYING.has(String(property)))
        return (...args: unknown[]) => {
          count.copies++
          return value.apply(target, args)
        }
      return value.bind(target)
    },
  })

/** The bucket, with every get and head counted; `fail` makes a get throw (a storage fault). */
export const countingBucket = (
  bucket: R2Bucket,
  fail?: (key: string, options?: R2GetOptions) => boolean,
): { bucket: R2Bucket; count: R2Count } => {
  const count: R2Count = { gets: [], heads: [], copies: 0 }
  const wrapped = new Proxy(bucket, {
    get(target, property) {
      const value = Reflect.get(target, property, target)
      if (property === 'head')
        return (key: string) => {
          count.heads.push(key)
          return target.head(key)
        }
      if (property !== 'get') return typeof value === 'function' ? value.bind(target) : value
      return async (key: string, options?: R2GetOptions) => {
        count.gets.push({ key, options })
        if (fail?.(key, options)) throw new Error(`R2 get ${key}: simulated storage fault`)
        const object = await target.get(key, options)
        return object && countingBody(object, count)
      }
    },
  })
  return { bucket: wrapped, count }
}

/** The database, with every prepared statement counted. */
export const countingDatabase = (db: D1Database): { db: D1Database; statements: string[] } => {
  const statements: string[] = []
  const wrapped = new Proxy(db, {
    get(target, property) {
      const value = Reflect.get(target, property, target)
      if (property !== 'prepare') return typeof value === 'function' ? value.bind(target) : value
      return (query: string) => {
        statements.push(query)
        return target.prepare(query)
      }
    },
  })
  return { db: wrapped, statements }
}
