/**
 * Rows straight from a test app's database, read (or written) on a connection of the test's own, as another
 * process would: a better-sqlite3 handle on the file, or a pg client on the PostgreSQL URL. Queries are
 * written with `?` placeholders on both.
 */
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import { isPostgresUrl } from '../../src/db/postgres/postgres-connection.ts';

type Params = (string | number | bigint | null)[];
type Row = Record<string, unknown>;

/** `?` placeholders as PostgreSQL's `$1`, `$2`, … */
function numbered(sql: string): string {
  let index = 0;
  return sql.replace(/\?/g, () => `$${++index}`);
}

// bigint and numeric as numbers, as the collector reads them (and as better-sqlite3 returns SQLite's integers).
const types = {
  getTypeParser: (oid: number, format?: 'text' | 'binary') => (oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, format)),
} as pg.CustomTypesConfig;

async function onPostgres<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, types });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function onSqlite<T>(path: string, readonly: boolean, use: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(path, { readonly, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Every row a query returns. */
export async function dbRows(app: { dbPath: string }, sql: string, ...params: Params): Promise<Row[]> {
  if (isPostgresUrl(app.dbPath)) return onPostgres(app.dbPath, async (client) => (await client.query(numbered(sql), params)).rows as Row[]);
  return onSqlite(app.dbPath, true, (db) => db.prepare(sql).all(...params) as Row[]);
}

/** The first column of the first row a query returns (undefined when none). */
export async function dbValue(app: { dbPath: string }, sql: string, ...params: Params): Promise<unknown> {
  if (isPostgresUrl(app.dbPath)) {
    return onPostgres(app.dbPath, async (client) => {
      const result = await client.query({ text: numbered(sql), values: params, rowMode: 'array' });
      return (result.rows[0] as unknown[] | undefined)?.[0];
    });
  }
  return onSqlite(app.dbPath, true, (db) => db.prepare(sql).pluck().get(...params));
}

/** Runs statements that change the database, as another process would. */
export async function dbExec(app: { dbPath: string }, sql: string, ...params: Params): Promise<void> {
  if (isPostgresUrl(app.dbPath)) {
    await onPostgres(app.dbPath, (client) => client.query(params.length ? numbered(sql) : sql, params.length ? params : undefined));
    return;
  }
  onSqlite(app.dbPath, false, (db) => {
    db.pragma('foreign_keys = ON');
    return params.length ? db.prepare(sql).run(...params) : db.exec(sql);
  });
}

/** A connection kept open for many reads (a test that reads after every answer). */
export interface DbReader {
  value(sql: string, ...params: Params): Promise<unknown>;
  close(): Promise<void>;
}

/** Opens a reading connection of the test's own on the app's database. */
export async function dbReader(app: { dbPath: string }): Promise<DbReader> {
  if (isPostgresUrl(app.dbPath)) {
    const client = new pg.Client({ connectionString: app.dbPath, types });
    await client.connect();
    // One query at a time on the one client, in the order asked (what pg does by itself, deprecated for pg@9).
    let previous: Promise<unknown> = Promise.resolve();
    return {
      value: (sql, ...params) => {
        const read = previous.then(() => client.query({ text: numbered(sql), values: params, rowMode: 'array' }));
        previous = read.catch(() => undefined);
        return read.then((result) => (result.rows[0] as unknown[] | undefined)?.[0]);
      },
      close: () => previous.then(() => client.end()),
    };
  }
  const db = new BetterSqlite3(app.dbPath, { readonly: true, fileMustExist: true });
  return { value: async (sql, ...params) => db.prepare(sql).pluck().get(...params), close: async () => void db.close() };
}

/** How many responses the comment search index finds for one word (FTS5 on SQLite, the tsvector index on PostgreSQL). */
export function commentIndexHits(app: { dbPath: string }, word: string): Promise<unknown> {
  return isPostgresUrl(app.dbPath)
    ? dbValue(app, "SELECT COUNT(*) FROM responses WHERE comment IS NOT NULL AND comment_search_vector(comment) @@ plainto_tsquery('simple', ?)", word)
    : dbValue(app, 'SELECT COUNT(*) FROM response_comments_fts WHERE response_comments_fts MATCH ?', word);
}


/** A write of another process, begun and not yet committed. */
export interface HeldWrite {
  /** Resolves once a statement of the app waits for this write's lock (PostgreSQL); at once on SQLite, whose writers take turns. */
  untilWaitedOn(): Promise<void>;
  commit(): Promise<void>;
}

/** Runs a statement in a transaction of the test's own and holds it open until `commit`. */
export async function heldInsert(app: { dbPath: string }, sql: string): Promise<HeldWrite> {
  if (isPostgresUrl(app.dbPath)) {
    const client = new pg.Client({ connectionString: app.dbPath, types });
    await client.connect();
    await client.query('BEGIN');
    await client.query(sql);
    const backend = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0].pid as number;
    const watcher = new pg.Client({ connectionString: app.dbPath, types });
    await watcher.connect();
    return {
      async untilWaitedOn() {
        // A signal, not a pause: poll the server until a backend is blocked by this transaction.
        for (;;) {
          const blocked = await watcher.query('SELECT 1 FROM pg_stat_activity WHERE $1 = ANY(pg_blocking_pids(pid))', [backend]);
          if (blocked.rowCount) return;
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
      },
      async commit() {
        await client.query('COMMIT');
        await Promise.all([client.end(), watcher.end()]);
      },
    };
  }
  const db = new BetterSqlite3(app.dbPath, { fileMustExist: true });
  db.exec('BEGIN IMMEDIATE');
  db.exec(sql);
  return {
    untilWaitedOn: async () => undefined,
    async commit() {
      db.exec('COMMIT');
      db.close();
    },
  };
}
