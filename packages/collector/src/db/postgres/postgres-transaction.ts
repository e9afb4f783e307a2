/**
 * PostgreSQL transactions on one pooled connection in pg's pipeline mode: BEGIN is written out with the
 * transaction's first statement, and the statement a transaction leaves for its commit (`runAtCommit`: a write
 * batch's rollup deltas) with COMMIT, so a write batch waits for two round trips fewer. Templates go to the
 * connection as they are (named prepared statements), other queries through a Kysely instance kept for that
 * connection; both count the rows they change.
 */
import { Kysely, PostgresAdapter, PostgresIntrospector, PostgresQueryCompiler, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import type pg from 'pg';
import { templateParameters, type QueryTemplate, type TemplateValues, type TransactionExecutor } from '../executor.ts';
import type { Schema } from '../schema.ts';
import { mapped, mapping } from './postgres-driver.ts';
import type { PreparedStatements } from './postgres-prepared.ts';

/** Commands whose row count is rows changed. */
const WRITES = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE']);

/** One pooled connection's parts, made when the pool first hands it out: its Kysely and its count of rows changed. */
interface Session {
  client: pg.PoolClient;
  db: Kysely<Schema>;
  changed: { rows: number };
}

/** Sends a query on the connection (now, in pipeline mode) and counts the rows it changed. */
async function send(session: Pick<Session, 'client' | 'changed'>, text: string, parameters: readonly unknown[]): Promise<pg.QueryResult> {
  try {
    const result = await session.client.query(text, parameters as unknown[]);
    if (WRITES.has(result.command)) session.changed.rows += result.rowCount ?? 0;
    return result;
  } catch (error) {
    throw mapped(error);
  }
}

/** Kysely's side of one connection: queries go straight to it (no pool, no BEGIN of Kysely's own). */
class SessionConnection implements DatabaseConnection {
  constructor(private readonly session: Pick<Session, 'client' | 'changed'>) {}

  async executeQuery<R>(query: CompiledQuery): Promise<QueryResult<R>> {
    const { command, rowCount, rows } = await send(this.session, query.sql, query.parameters);
    return { numAffectedRows: WRITES.has(command) ? BigInt(rowCount ?? 0) : undefined, rows: (rows ?? []) as R[] };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('queries inside a transaction are not streamed');
  }
}

/** The parts of a connection the pool hands out for the first time. */
function newSession(client: pg.PoolClient): Session {
  const counted = { client, changed: { rows: 0 } };
  return { ...counted, db: sessionKysely(new SessionConnection(counted)) };
}

/** A Kysely whose every query runs on this one connection: the ad-hoc queries of the transactions run on it. */
function sessionKysely(connection: SessionConnection): Kysely<Schema> {
  const driver: Driver = {
    init: async () => {},
    acquireConnection: async () => connection,
    beginTransaction: async () => { throw new Error('a transaction is already open on this connection'); },
    commitTransaction: async () => {},
    rollbackTransaction: async () => {},
    releaseConnection: async () => {},
    destroy: async () => {},
  };
  return new Kysely<Schema>({
    dialect: {
      createAdapter: () => new PostgresAdapter(),
      createDriver: () => driver,
      createIntrospector: (db) => new PostgresIntrospector(db),
      createQueryCompiler: () => new PostgresQueryCompiler(),
    },
  });
}

/** The executor of one transaction on a session; `atCommit` is the statement left for COMMIT. */
function transactionExecutor(session: Session, prepared: PreparedStatements) {
  let atCommit: { text: string; parameters: unknown[] } | null = null;
  const query = (template: QueryTemplate, values: TemplateValues<string>) => {
    if (atCommit) throw new Error('a statement after the one left for the commit');
    prepared.add(template.sql);
    return send(session, template.sql, templateParameters(template, values));
  };
  const executor: TransactionExecutor = {
    db: session.db,
    run: async (template, values) => (await query(template, values)).rowCount ?? 0,
    first: async <Row>(template: QueryTemplate, values: TemplateValues<string>) => (await query(template, values)).rows[0] as Row | undefined,
    all: async <Row>(template: QueryTemplate, values: TemplateValues<string>) => (await query(template, values)).rows as Row[],
    async runAtCommit(template, values) {
      if (atCommit) throw new Error('one statement only is left for the commit');
      prepared.add(template.sql);
      atCommit = { text: template.sql, parameters: templateParameters(template, values) };
    },
    changes: () => session.changed.rows,
    async intact() {
      try {
        await send(session, 'SELECT 1', []);
        return true;
      } catch {
        return false;
      }
    },
  };
  return { executor, takeAtCommit: () => atCommit };
}

/**
 * Runs `work` in a transaction: BEGIN goes out with its first statement, its `runAtCommit` statement with COMMIT.
 * Commits when `work` resolves (and that last statement succeeds), rolls back when either fails.
 */
export function pipelinedTransactions(pool: pg.Pool, prepared: PreparedStatements) {
  const sessions = new WeakMap<pg.PoolClient, Session>();
  const sessionOf = (client: pg.PoolClient) => {
    let session = sessions.get(client);
    if (!session) sessions.set(client, (session = newSession(client)));
    return session;
  };

  return async function transaction<T>(work: (tx: TransactionExecutor) => Promise<T>): Promise<T> {
    const client = await mapping(() => pool.connect());
    const session = sessionOf(client);
    session.changed.rows = 0;
    let broken: Error | undefined;
    try {
      // Not awaited here: in pipeline mode it is on the wire at once, and the work's first statement follows it.
      const begun = send(session, 'BEGIN', []);
      begun.catch(() => undefined);
      const { executor, takeAtCommit } = transactionExecutor(session, prepared);
      try {
        const result = await work(executor);
        await begun;
        const last = takeAtCommit();
        const stored = last ? send(session, last.text, last.parameters) : null;
        const committed = send(session, 'COMMIT', []);
        committed.catch(() => undefined);
        // Answered in order: a failed last statement leaves an aborted transaction, which COMMIT rolls back.
        if (stored) await stored;
        if ((await committed).command !== 'COMMIT') throw new Error('the transaction was rolled back at commit');
        return result;
      } catch (error) {
        await send(session, 'ROLLBACK', []).catch((rollbackError: Error) => {
          broken = rollbackError;
        });
        throw error;
      }
    } finally {
      // A connection whose ROLLBACK failed is in an unknown state: the pool drops it.
      client.release(broken);
    }
  };
}
