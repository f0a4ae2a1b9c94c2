/**
 * @module
 * Phase timings for `npm run publish -- --profile`: where a publish spends its wall time, so that
 * a change to the publish path is measured, not guessed.
 */

export type PhaseTimer = {
  /** Ends the current phase under `name` and starts the next. */
  readonly lap: (name: string) => void
  /** "name 12 ms, next 3 ms, …", in order. */
  readonly report: () => string
}

export const phaseTimer = (): PhaseTimer => {
  const laps: [string, number][] = []
  let last = performance.now()
  return {
    lap: (name) => {
      const now = performance.now()
      laps.push([name, now - last])
      last = now
    },
    report: () => laps.map(([name, ms]) => `${name} ${Math.round(ms)} ms`).join(', '),
  }
}
