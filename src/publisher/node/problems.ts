/** @module How the command line prints content problems and advice: one line each, file › field: what, fix. */
import { formatProblem, type Problem } from '../../../content/errors.ts'

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`

/** Prints `problems` to stderr under a heading such as "✗ 2 content problems; nothing was published:". */
export const printProblems = (problems: readonly Problem[], consequence = ''): void => {
  console.error(`✗ ${plural(problems.length, 'content problem')}${consequence}:`)
  for (const problem of problems) console.error(`  ${formatProblem(problem)}`)
}

/** Prints advice (which never fails a command) to stderr. */
export const printAdvice = (advice: readonly Problem[]): void => {
  for (const item of advice) console.warn(`! ${formatProblem(item)}`)
}
