/** @module Content errors: every problem names the file, the field, what is wrong and the fix. */

export type Problem = {
  readonly file: string
  readonly field: string
  readonly message: string
  readonly fix: string
}

export const formatProblem = (p: Problem): string => `${p.file} › ${p.field}: ${p.message} Fix: ${p.fix}`

/** Thrown when content breaks a rule (content/load.ts); lists every problem at once. */
export class ContentError extends Error {
  readonly problems: readonly Problem[]

  constructor(problems: readonly Problem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    super(`Invalid content (${count}):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`)
    this.name = 'ContentError'
    this.problems = problems
  }
}
