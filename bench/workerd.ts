/** Serves bundled Workers with the workerd binary itself, each on its own loopback port. */
import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** `module`: the bundled entry, relative to the output folder, e.g. main/index.js. */
export type ServedWorker = { readonly name: string; readonly module: string; readonly port: number }

const capnp = (
  workers: readonly ServedWorker[],
  compatibilityDate: string,
): string => `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [${workers.map((w) => `(name = "${w.name}", worker = .${w.name}Worker)`).join(', ')}],
  sockets = [${workers.map((w) => `(name = "${w.name}", address = "127.0.0.1:${w.port}", http = (), service = "${w.name}")`).join(', ')}],
);
${workers
  .map(
    (w) => `
const ${w.name}Worker :Workerd.Worker = (
  modules = [(name = "index.js", esModule = embed "${w.module}")],
  compatibilityDate = "${compatibilityDate}",
  bindings = [(name = "PUBLIC_ORIGIN", text = ""), (name = "CACHE_MAX_AGE", text = "600")],
);`,
  )
  .join('\n')}
`

const waitFor = async (url: string): Promise<void> => {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(url)
      return
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
  }
  throw new Error(`workerd did not answer at ${url}`)
}

/** Starts workerd with the given workers; resolves once every socket answers. */
export const serve = async (
  outDir: string,
  workers: readonly ServedWorker[],
  compatibilityDate: string,
): Promise<ChildProcess> => {
  const config = join(outDir, 'bench.capnp')
  writeFileSync(config, capnp(workers, compatibilityDate))
  const workerd = spawn(
    join(import.meta.dirname, '../node_modules/.bin/workerd'),
    ['serve', config, '--experimental'],
    {
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  )
  await Promise.all(workers.map((w) => waitFor(`http://127.0.0.1:${w.port}/`)))
  return workerd
}
