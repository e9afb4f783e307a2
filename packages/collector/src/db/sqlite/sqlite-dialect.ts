/** The SQLite dialect: one connection in WAL mode, migrated on open, with background checkpoints for the server. */
import { sql } from 'kysely';
import type { Dialect } from '../dialect.ts';
import { kyselyExecutor, templateParameters, type QueryTemplate, type TemplateValues, type TransactionExecutor } from '../executor.ts';
import { startCheckpointer, type Checkpointer } from './checkpointer.ts';
import { flushErasure, withSecureDelete } from './secure-erase.ts';
import { isFileDatabase, openSqlite, whenUnlocked, type SqliteConnection, type SyncMode } from './sqlite-connection.ts';
import { migrateSqlite } from './sqlite-migrate.ts';
import { COMMENT_INDEX, sqliteSql } from './sqlite-sql.ts';

/** Options of the SQLite dialect. */
export interface SqliteDialectOptions {
  /** The database file (its directory is created) or `:memory:`. */
  path: string;
  sync?: SyncMode;
  /** Checkpoint the WAL from a background thread (the server does; one-shot CLI commands need not). */
  backgroundCheckpoints?: boolean;
  /** Hears why the background checkpoints stopped. */
  onCheckpointerError?: (error: Error) => void;
}

/** With background checkpoints on, the main connection checkpoints only past this much WAL (a safety net). */
const SAFETY_NET_CHECKPOINT_BYTES = 80 * 1024 * 1024;

/**
 * A transaction's executor. better-sqlite3 runs statements synchronously on the one connection the
 * transaction holds, so templates run as prepared statements straight on the handle: no Kysely round
 * (about 2 µs a statement on the ingest path, measured); other queries go through `heldDb`.
 */
function transactionExecutor(connection: SqliteConnection): TransactionExecutor {
  const { statements, templates, changed } = connection;
  const statementOf = (template: QueryTemplate) => {
    let statement = templates.get(template);
    if (!statement) templates.set(template, (statement = statements.prepare(template.sql)));
    return statement;
  };
  return {
    db: connection.heldDb,
    // At once, not as a promise: the ingest job goes on without an await (see `NowOrLater`).
    run(template, values) {
      const { changes } = statementOf(template).run(templateParameters(template, values));
      changed.rows += changes;
      return changes;
    },
    async first<Row>(template: QueryTemplate, values: TemplateValues<string>) {
      return statementOf(template).get(templateParameters(template, values)) as Row | undefined;
    },
    async all<Row>(template: QueryTemplate, values: TemplateValues<string>) {
      const statement = statementOf(template);
      const rows = statement.all(templateParameters(template, values)) as Row[];
      // A write with RETURNING (a multi-row insert) returns one row per row it changed.
      if (!statement.readonly) changed.rows += rows.length;
      return rows;
    },
    async runAtCommit(template, values) {
      changed.rows += statementOf(template).run(templateParameters(template, values)).changes;
    },
    changes: () => changed.rows,
    // A failed statement in SQLite undoes only itself; the transaction goes on.
    intact: async () => true,
  };
}

/** Opens the SQLite database, applies its migrations, and starts the checkpointer when asked. */
export function openSqliteDialect(options: SqliteDialectOptions): Dialect {
  const connection = openSqlite(options.path, options.sync);
  const { handle, db } = connection;
  let schemaVersion: number;
  try {
    schemaVersion = migrateSqlite(handle);
  } catch (error) {
    handle.close();
    throw error;
  }
  // From now on a lock held by another process is waited for by `whenUnlocked`, off the event loop's thread.
  handle.pragma('busy_timeout = 0');
  let checkpointer: Checkpointer | null = null;
  if (options.backgroundCheckpoints && isFileDatabase(options.path)) {
    const pageSize = handle.pragma('page_size', { simple: true }) as number;
    handle.pragma(`wal_autocheckpoint = ${Math.ceil(SAFETY_NET_CHECKPOINT_BYTES / pageSize)}`);
    checkpointer = startCheckpointer(options.path, { onError: options.onCheckpointerError });
  }
  let closed = false;
  const begin = handle.prepare('BEGIN IMMEDIATE');
  const commit = handle.prepare('COMMIT');
  const rollback = handle.prepare('ROLLBACK');
  const executor = transactionExecutor(connection);
  /**
   * One write transaction, run while holding the connection. Begun and committed with prepared statements
   * rather than a Kysely transaction, whose objects (built for every write batch) cost about 1 µs an answer.
   */
  async function inTransaction<T>(work: (tx: TransactionExecutor) => Promise<T>): Promise<T> {
    // IMMEDIATE: the write lock from the start (no deadlock upgrading a read); another process's lock is waited for.
    await whenUnlocked(() => begin.run());
    try {
      const result = await work(executor);
      commit.run();
      return result;
    } catch (error) {
      // SQLite rolls back by itself when a commit fails for a full disk or an I/O error; rolling back again would
      // fail too ("no transaction is active") and hide the real error from the caller.
      if (handle.inTransaction) rollback.run();
      throw error;
    }
  }

  return {
    name: 'sqlite',
    db,
    root: kyselyExecutor(db),
    sql: sqliteSql,
    schemaVersion,
    transaction: (work) => connection.lock.holding(() => inTransaction(work)),
    // The pragma is per connection: hold the connection so nothing else runs between switching it on and off.
    erasingTransaction: (work) => connection.lock.holding(() => withSecureDelete(handle, () => inTransaction(work))),
    flushErasure: () => connection.lock.holding(() => flushErasure(handle, checkpointer)),
    // SQLite runs one write transaction at a time (BEGIN IMMEDIATE): no deadlock to run again after.
    isTransient: () => false,
    async rebuildCommentIndex(tx) {
      await sql`INSERT INTO ${sql.table(COMMENT_INDEX)} (${sql.table(COMMENT_INDEX)}) VALUES ('rebuild')`.execute(tx.db);
    },
    async withBulkCache(work) {
      const cacheSize = handle.pragma('cache_size', { simple: true }) as number;
      // A large page cache keeps the rollup B-tree in memory while millions of rows are upserted.
      handle.pragma('cache_size = -262144');
      try {
        return await work();
      } finally {
        handle.pragma(`cache_size = ${cacheSize}`);
      }
    },
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
      await checkpointer?.stop();
    },
  };
}
