/** The SQLite connection: one better-sqlite3 handle in WAL mode, its prepared statements, and Kysely on top. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import BetterSqlite3, { type Database as SqliteHandle, type Statement } from 'better-sqlite3';
import { Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver } from 'kysely';
import type { QueryTemplate } from '../executor.ts';
import type { Schema } from '../schema.ts';

/** How hard SQLite syncs on commit in WAL mode: NORMAL survives a killed process, FULL also power loss. */
export type SyncMode = 'FULL' | 'NORMAL';

/** True when the database lives in a file (so it has a WAL to checkpoint). */
export function isFileDatabase(path: string): boolean {
  return path !== ':memory:' && path !== '' && !path.startsWith('file:');
}

/** Prepared statements by SQL text, the least recently used dropped past `limit` (filters make many shapes). */
export class StatementCache {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly handle: SqliteHandle, private readonly limit = 500) {}

  /** The prepared statement of `sql`, prepared on first use. */
  prepare(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (statement) {
      this.statements.delete(sql);
    } else {
      statement = this.handle.prepare(sql);
      if (this.statements.size >= this.limit) this.statements.delete(this.statements.keys().next().value!);
    }
    this.statements.set(sql, statement);
    return statement;
  }
}

/** How long a statement waits for another process's write lock (an import, a CLI command) before SQLITE_BUSY stands. */
export const BUSY_WAIT_MS = 5_000;

/**
 * Runs a statement, and while another connection holds the lock, tries again after a pause that lets the event
 * loop run (SQLite's own busy_timeout would sleep on the one thread, stalling every request meanwhile).
 */
export async function whenUnlocked<T>(run: () => T | Promise<T>, waitMs = BUSY_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (let pause = 1; ; pause = Math.min(pause * 2, 10)) {
    try {
      return await run();
    } catch (error) {
      if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY') || Date.now() + pause > deadline) throw error;
      await sleep(pause);
    }
  }
}

/**
 * The one connection, taken in turn: a query through Kysely holds it for its statement, a transaction from BEGIN
 * to COMMIT, so nothing else runs inside an open transaction (the data layer's transactions are its own, see
 * sqlite-dialect.ts: a write batch builds no Kysely transaction).
 */
export class ConnectionLock {
  private held = false;
  private readonly waiting: (() => void)[] = [];

  /** Resolves once the connection is this caller's; `release` hands it on. */
  acquire(): Promise<void> {
    if (!this.held) {
      this.held = true;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.held = false;
  }

  /** Runs `work` holding the connection. */
  async holding<T>(work: () => Promise<T>): Promise<T> {
    await this.acquire();
    try {
      return await work();
    } finally {
      this.release();
    }
  }
}

/**
 * Kysely's SQLite driver for queries outside a transaction: each holds the connection lock, and a statement that
 * meets a lock held by another process waits for it without blocking the event loop. Transactions are not begun
 * through Kysely (see sqlite-dialect.ts).
 */
class LockingSqliteDriver extends SqliteDriver {
  constructor(config: ConstructorParameters<typeof SqliteDriver>[0], private readonly lock: ConnectionLock) {
    super(config);
  }

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    await this.lock.acquire();
    return {
      executeQuery: (query) => whenUnlocked(() => connection.executeQuery(query)),
      streamQuery: (query, chunkSize) => connection.streamQuery(query, chunkSize),
    };
  }

  override async releaseConnection(): Promise<void> {
    this.lock.release();
    await super.releaseConnection();
  }

  override async beginTransaction(): Promise<void> {
    throw new Error('SQLite transactions are begun by the dialect (openSqliteDialect), not through Kysely');
  }
}

class LockingSqliteDialect extends SqliteDialect {
  constructor(private readonly config: ConstructorParameters<typeof SqliteDialect>[0], private readonly lock: ConnectionLock) {
    super(config);
  }

  override createDriver(): Driver {
    return new LockingSqliteDriver(this.config, this.lock);
  }
}

/** An open SQLite database: the raw handle (only for the SQLite dialect module), its statements, and Kysely. */
export interface SqliteConnection {
  readonly handle: SqliteHandle;
  readonly statements: StatementCache;
  /** The prepared statement of each hot-path template (a handful, compiled once per database). */
  readonly templates: Map<QueryTemplate, Statement>;
  /** Rows changed by every statement run on the connection so far (template runs and Kysely's alike). */
  readonly changed: { rows: number };
  /** Taken by every query and transaction in turn. */
  readonly lock: ConnectionLock;
  /** Kysely for queries outside a transaction (each takes the lock). */
  readonly db: Kysely<Schema>;
  /** Kysely for the queries of the transaction that holds the lock (they run straight on the connection). */
  readonly heldDb: Kysely<Schema>;
}

/** Opens (creating its directory) the SQLite file in WAL mode with the collector's pragmas. */
export function openSqlite(path: string, sync: SyncMode = 'NORMAL'): SqliteConnection {
  if (isFileDatabase(path)) mkdirSync(dirname(path), { recursive: true });
  const handle = new BetterSqlite3(path);
  handle.pragma('journal_mode = WAL');
  handle.pragma(`synchronous = ${sync}`);
  handle.pragma('foreign_keys = ON');
  // Opening and migrating may wait for another process (blocking is fine then); the dialect lowers it to 0 after.
  handle.pragma('busy_timeout = 5000');
  // Freed space is zeroed on every write, not only during an erase. Rebalanced pages can still keep old copies of moved
  // rows between their cell pointers and cells, which is why an erasure also rewrites the file (secure-erase.ts).
  handle.pragma('secure_delete = ON');
  // Inserts touch pages all over the indexes: keep them in memory (64 MiB).
  handle.pragma('cache_size = -65536');
  const statements = new StatementCache(handle);
  const changed = { rows: 0 };
  // Kysely prepares each query it runs; the cache makes a repeated query cost no new prepare. Its writes are counted.
  const database = {
    prepare(sql: string) {
      const statement = statements.prepare(sql);
      return {
        reader: statement.reader,
        all: (parameters: readonly unknown[]) => statement.all(parameters),
        iterate: (parameters: readonly unknown[]) => statement.iterate(parameters),
        run(parameters: readonly unknown[]) {
          const result = statement.run(parameters);
          changed.rows += result.changes;
          return result;
        },
      };
    },
    close: () => handle.close(),
  };
  const lock = new ConnectionLock();
  const db = new Kysely<Schema>({ dialect: new LockingSqliteDialect({ database }, lock) });
  const heldDb = new Kysely<Schema>({ dialect: new SqliteDialect({ database }) });
  return { handle, statements, templates: new Map(), changed, lock, db, heldDb };
}
