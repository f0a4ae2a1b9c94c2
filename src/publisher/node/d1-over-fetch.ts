/**
 * @module
 * The local D1 for `npm run publish` (local-storage.ts), reached through the storage Worker's own
 * fetch handler instead of Miniflare's binding proxy. The proxy makes every `prepare` and every
 * `bind` a synchronous round trip to workerd that blocks Node's main thread: ~0.35 s of a publish
 * of one more article at 100,000 articles, with some forty statements. Here a statement is SQL and
 * values until it runs; then it (or a whole batch) is one asynchronous request.
 *
 * `D1_HANDLER` is the Worker's side. What the publisher and its tests use of D1 (workers-types):
 * `prepare`, `bind`, `all`, `run`, `first`, `raw`, `batch`, `exec`.
 */

/** A statement as it travels: its SQL and its bound values (JSON: strings, numbers and null). */
type StatementCall = { readonly sql: string; readonly params: readonly unknown[] }

type D1Call =
  | { readonly op: 'all' | 'run'; readonly statement: StatementCall }
  | { readonly op: 'first'; readonly statement: StatementCall; readonly column?: string }
  | { readonly op: 'raw'; readonly statement: StatementCall; readonly columnNames?: boolean }
  | { readonly op: 'batch'; readonly statements: readonly StatementCall[] }
  | { readonly op: 'exec'; readonly sql: string }

/**
 * The storage Worker's module (Miniflare `script`): runs one D1 call posted as JSON on the `DB`
 * binding and answers its result as JSON, or 500 with the error's name and message.
 */
export const D1_HANDLER = `
const statement = (db, { sql, params }) => db.prepare(sql).bind(...params)
const run = (db, call) => {
  switch (call.op) {
    case 'all': return statement(db, call.statement).all()
    case 'run': return statement(db, call.statement).run()
    case 'first': return call.column === undefined ? statement(db, call.statement).first() : statement(db, call.statement).first(call.column)
    case 'raw': return statement(db, call.statement).raw({ columnNames: call.columnNames === true })
    case 'batch': return db.batch(call.statements.map((s) => statement(db, s)))
    case 'exec': return db.exec(call.sql)
  }
  throw new Error('unknown D1 call ' + call.op)
}
export default {
  async fetch(request, env) {
    try {
      return Response.json({ value: (await run(env.DB, await request.json())) ?? null })
    } catch (error) {
      return Response.json({ error: { name: error.name, message: error.message } }, { status: 500 })
    }
  },
}
`

/** Sends one request to the storage Worker (Miniflare's `dispatchFetch`). */
export type Dispatch = (url: string, init: { method: string; body: string }) => Promise<Response>

type Caller = (call: D1Call) => Promise<unknown>

const callerOf =
  (dispatch: Dispatch): Caller =>
  async (call) => {
    const response = await dispatch('http://storage/d1', { method: 'POST', body: JSON.stringify(call) })
    const answer = (await response.json()) as { value?: unknown; error?: { name: string; message: string } }
    if (answer.error) throw Object.assign(new Error(answer.error.message), { name: answer.error.name })
    return answer.value
  }

class Statement {
  readonly #call: Caller
  readonly statement: StatementCall

  constructor(call: Caller, statement: StatementCall) {
    this.#call = call
    this.statement = statement
  }

  bind(...params: unknown[]): Statement {
    return new Statement(this.#call, { sql: this.statement.sql, params })
  }

  all() {
    return this.#call({ op: 'all', statement: this.statement })
  }

  run() {
    return this.#call({ op: 'run', statement: this.statement })
  }

  first(column?: string) {
    return this.#call({ op: 'first', statement: this.statement, column })
  }

  raw(options?: { columnNames?: boolean }) {
    return this.#call({ op: 'raw', statement: this.statement, columnNames: options?.columnNames })
  }
}

const unsupported = (what: string): never => {
  throw new TypeError(`${what} is not available on the local D1 of npm run publish (d1-over-fetch.ts)`)
}

/** A D1 binding whose statements run in the storage Worker, one request per statement or batch. */
export const d1OverFetch = (dispatch: Dispatch): D1Database => {
  const call = callerOf(dispatch)
  return {
    prepare: (sql: string) => new Statement(call, { sql, params: [] }),
    batch: (statements: readonly Statement[]) =>
      call({ op: 'batch', statements: statements.map((statement) => statement.statement) }),
    exec: (sql: string) => call({ op: 'exec', sql }),
    dump: () => unsupported('D1 dump'),
    withSession: () => unsupported('D1 sessions'),
  } as unknown as D1Database
}
