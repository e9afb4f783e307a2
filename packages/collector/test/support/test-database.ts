/**
 * The database a test app runs on: a SQLite file in a temp folder, or (in the `collector-pg` project) a fresh
 * schema of the run's PostgreSQL server, reached by a URL whose search_path names it.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import { inject, it } from 'vitest';

/** The dialect this test run is on: NPSLOOP_TEST_DIALECT=postgres in the collector-pg project, else SQLite. */
export const testDialect: 'sqlite' | 'postgres' = process.env.NPSLOOP_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';

/** True in the PostgreSQL run. */
export const onPostgres = testDialect === 'postgres';

/** The run's PostgreSQL server URL with another database or search_path. */
export function postgresUrl(options: { database?: string; schema?: string } = {}): string {
  const url = new URL(inject('postgresUrl'));
  if (options.database) url.pathname = `/${options.database}`;
  if (options.schema) url.searchParams.set('options', `-c search_path=${options.schema}`);
  return url.toString();
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** A fresh, empty schema on the run's server, as a URL the collector takes for `--db`. */
export async function freshPostgresSchema(): Promise<string> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE SCHEMA ${schema}`);
  return postgresUrl({ schema });
}

/** A fresh, empty database on the run's server (for tests of whole databases: copy, several processes). */
export async function freshPostgresDatabase(): Promise<string> {
  const database = `npsloop_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${database}`);
  return postgresUrl({ database });
}

/** Where a fresh test database lives: a file in `dir`, or a fresh PostgreSQL schema. */
export async function freshDatabaseLocation(dir: string, file = 'npsloop.db'): Promise<string> {
  return onPostgres ? freshPostgresSchema() : join(dir, file);
}

/**
 * `it` for a test of SQLite itself (its file, WAL, FTS5 or migrations); the PostgreSQL run does not register it.
 * Each use says why on the line above.
 */
export const itOnSqlite = (onPostgres ? () => undefined : it) as typeof it;
