/**
 * The PostgreSQL dialect: a `pg` pool behind Kysely, migrated on open under an advisory lock, pipelined
 * transactions that count the rows they change (postgres-transaction.ts), and erasure followed by VACUUM.
 * Several collector processes may share one database: every write is a transaction of its own on the server,
 * and row locks (`lockRows`) keep read-then-write steps of different processes apart.
 */
import { Kysely, sql } from 'kysely';
import type { Dialect } from '../dialect.ts';
import { kyselyExecutor, type Executor } from '../executor.ts';
import type { Schema } from '../schema.ts';
import { connectionFailure, openPostgresPool } from './postgres-connection.ts';
import { MappedPostgresDialect } from './postgres-driver.ts';
import { migratePostgres } from './postgres-migrate.ts';
import { PreparedStatements } from './postgres-prepared.ts';
import { postgresSql } from './postgres-sql.ts';
import { pipelinedTransactions } from './postgres-transaction.ts';

/** Options of the PostgreSQL dialect. */
export interface PostgresDialectOptions {
  /** `postgres://user:password@host:port/database?sslmode=…` */
  url: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Hears errors of idle connections (the server restarting); the pool replaces them by itself. */
  onIdleError?: (error: Error) => void;
}

/** The tables an erasure or purge deletes from or clears: VACUUM removes their dead row versions afterwards. */
const ERASED_TABLES = ['responses', 'loops', 'loop_notes', 'action_responses', 'webhook_deliveries', 'survey_links', 'invitations', 'invitation_runs'];

/** Runs templates through Kysely, each registered first to be sent as a named prepared statement. */
function preparingExecutor(db: Kysely<Schema>, prepared: PreparedStatements): Executor {
  const executor = kyselyExecutor(db);
  return {
    db,
    run(template, values) {
      prepared.add(template.sql);
      return executor.run(template, values);
    },
    first(template, values) {
      prepared.add(template.sql);
      return executor.first(template, values);
    },
    all(template, values) {
      prepared.add(template.sql);
      return executor.all(template, values);
    },
  };
}

/** Opens a pool on the database, applies its migrations (once across processes), and builds the dialect. */
export async function openPostgresDialect(options: PostgresDialectOptions): Promise<Dialect> {
  const prepared = new PreparedStatements();
  const pool = openPostgresPool(options.url, { max: options.poolSize, onIdleError: options.onIdleError, prepared });
  let schemaVersion: number;
  try {
    const client = await pool.connect();
    try {
      schemaVersion = await migratePostgres(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw connectionFailure(error, options.url);
  }
  const db = new Kysely<Schema>({ dialect: new MappedPostgresDialect({ pool }) });
  const transaction = pipelinedTransactions(pool, prepared);
  let closed = false;

  return {
    name: 'postgres',
    db,
    root: preparingExecutor(db, prepared),
    sql: postgresSql,
    schemaVersion,
    transaction,
    // PostgreSQL has no secure_delete: the rows are deleted here, and flushErasure vacuums them away.
    erasingTransaction: transaction,
    // VACUUM removes the erased rows' dead versions from the tables and their indexes (comment search included),
    // so no query, index scan or later page read finds them; see the collector README on what stays on disk.
    async flushErasure() {
      await sql`VACUUM ${sql.join(ERASED_TABLES.map((table) => sql.table(table)))}`.execute(db);
      return true;
    },
    // Deadlocks between processes' batches, and serialization failures: the batch simply runs again.
    isTransient: (error) => ['40P01', '40001'].includes((error as { code?: string })?.code ?? ''),
    // The comment search index is an expression index: PostgreSQL keeps it exact on every write.
    async rebuildCommentIndex() {},
    withBulkCache: (work) => work(),
    async ping() {
      if (closed) return false;
      try {
        const row = await sql<{ ok: number }>`SELECT 1 AS ok`.execute(db);
        return row.rows[0]?.ok === 1;
      } catch {
        return false;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}
