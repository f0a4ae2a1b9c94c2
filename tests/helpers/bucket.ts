/** @module An R2 bucket whose `put` a test takes over: to record the puts, or to fail them. */

type Put = R2Bucket['put']

/** `bucket` with every `put` going through `put`, which is given the real one to call. */
export const withPut = (
  bucket: R2Bucket,
  put: (original: Put, ...args: Parameters<Put>) => ReturnType<Put>,
): R2Bucket =>
  new Proxy(bucket, {
    get(target, name) {
      const value = Reflect.get(target, name)
      if (name === 'put') return (...args: Parameters<Put>) => put(value.bind(target), ...args)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
