/** Rows straight from a test app's database file, read (or written) on a connection of the test's own. */
import BetterSqlite3 from 'better-sqlite3';

type Params = (string | number | bigint | null)[];

function withConnection<T>(path: string, readonly: boolean, use: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(path, { readonly, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  try {
    return use(db);
  } finally {
    db.close();
  }
}

/** Every row a query returns. */
export function dbRows(app: { dbPath: string }, sql: string, ...params: Params): Record<string, unknown>[] {
  return withConnection(app.dbPath, true, (db) => db.prepare(sql).all(...params) as Record<string, unknown>[]);
}

/** The first column of the first row a query returns (undefined when none). */
export function dbValue(app: { dbPath: string }, sql: string, ...params: Params): unknown {
  return withConnection(app.dbPath, true, (db) => db.prepare(sql).pluck().get(...params));
}

/** Runs statements that change the database, as another process would. */
export function dbExec(app: { dbPath: string }, sql: string, ...params: Params): void {
  withConnection(app.dbPath, false, (db) => {
    db.pragma('foreign_keys = ON');
    return params.length ? db.prepare(sql).run(...params) : db.exec(sql);
  });
}
