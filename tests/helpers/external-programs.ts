/**
 * @module
 * Programs some Node tests run that are not npm packages (Python's feedparser, the W3C validator's
 * html5lib, Go): `.ci/run` installs them and sets READERS_REQUIRED=1, so CI never skips those tests;
 * elsewhere a test file skips, saying so.
 */
import { spawnSync } from 'node:child_process'

/** Set by `.ci/run`: a missing program fails the tests instead of skipping them. */
export const READERS_REQUIRED = process.env.READERS_REQUIRED === '1'

/** True when `command args` runs and exits 0. */
export const runs = (command: string, args: readonly string[]): boolean =>
  spawnSync(command, args, { stdio: 'ignore' }).status === 0

/**
 * The first Python that can import `module`: Debian's python3-* packages are /usr/bin/python3's,
 * which a pyenv or venv python3 earlier on PATH would not see.
 */
export const pythonWith = (module: string): string | undefined =>
  ['python3', '/usr/bin/python3'].find((candidate) => runs(candidate, ['-c', `import ${module}`]))
