/** Values vitest.config.ts provides to the tests inside workerd. */
import 'vitest'

declare module 'vitest' {
  export interface ProvidedContext {
    /** fast-check runs per property (FC_RUNS, default 100). */
    fcRuns: number
    /** fast-check seed (FC_SEED), fixed so that every run checks the same cases. */
    fcSeed: number
  }
}
