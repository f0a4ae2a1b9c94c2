/**
 * @module
 * Work on a list of items that must be consumed in order, started a fixed number of items ahead of
 * the one consumed: a publish renders and compresses documents while the ones before them are
 * written (publish.ts), with at most `window` of them held in memory beyond those being written.
 */

/** Returns `take(i)`: the result of `work(items[i])`, having started work up to `items[i + window]`. Each `i` is taken once, in order. */
export const runAhead = <T, R>(
  items: readonly T[],
  window: number,
  work: (item: T) => Promise<R>,
): ((i: number) => Promise<R>) => {
  const running = new Map<number, Promise<R>>()
  let started = 0
  return (i) => {
    for (; started < items.length && started <= i + window; started++) {
      const promise = work(items[started] as T)
      // Awaited when its turn comes; until then a failure must not be an unhandled rejection.
      promise.catch(() => {})
      running.set(started, promise)
    }
    const promise = running.get(i) as Promise<R>
    running.delete(i)
    return promise
  }
}
