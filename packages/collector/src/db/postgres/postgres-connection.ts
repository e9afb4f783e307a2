/**
 * The PostgreSQL connection: a `pg` pool from a `postgres://` URL (TLS by `sslmode` with libpq's meanings),
 * numbers parsed as numbers, and the errors that mean "the database is not there" told apart from the rest.
 */
import pg from 'pg';
import { parse, toClientConfig } from 'pg-connection-string';
import type { PreparedStatements } from './postgres-prepared.ts';

/** True when a `--db` value names a PostgreSQL database (`postgres://…` or `postgresql://…`); anything else is a SQLite path. */
export function isPostgresUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Refuses a `--db` value that was meant as a PostgreSQL URL but is not one (`postgres:/host/db`,
 * `postgresql:host`), rather than creating a SQLite file in a folder named `postgres:`.
 */
export function checkDatabaseLocation(location: string): void {
  if (/^postgres(ql)?:/i.test(location) && !isPostgresUrl(location)) {
    throw new Error('database: a PostgreSQL URL starts with postgres:// or postgresql:// (postgres://user:password@host:5432/database)');
  }
  if (!isPostgresUrl(location)) return;
  try {
    const parsed = parse(location);
    if (!parsed.host) throw new Error('no host');
  } catch {
    throw new Error('database: not a valid PostgreSQL URL; expected postgres://user:password@host:5432/database '
      + '(through a Unix socket: its folder as the host, postgres://user:password@%2Fvar%2Frun%2Fpostgresql/database)');
  }
}

/** Where a URL points, without its password: `host:port/database` (for messages and logs). */
export function describePostgresUrl(url: string): string {
  try {
    const parsed = parse(url);
    return `${parsed.host || 'localhost'}:${parsed.port || 5432}/${parsed.database ?? parsed.user ?? 'postgres'}`;
  } catch {
    return 'an unreadable PostgreSQL URL';
  }
}

/** The URL with its password replaced by `***`, safe to print. */
export function redactedUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]*:)[^@/]*@/i, '$1***@');
}

// Times are epoch milliseconds and counts fit easily in a double: bigint (int8) and numeric (sums of bigints) as numbers.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Options of the pool. */
export interface PostgresPoolOptions {
  /** Connections the pool may hold (default 10). */
  max?: number;
  /** Called with errors of connections between queries (a restarted server); the pool drops them and makes new ones. */
  onIdleError?: (error: Error) => void;
  /** Statements every connection sends as named prepared statements. */
  prepared?: PreparedStatements;
}

/** A pool on the URL's database. `sslmode` has libpq's meanings (`require` encrypts, `verify-full` also checks the certificate). */
export function openPostgresPool(url: string, options: PostgresPoolOptions = {}): pg.Pool {
  const ownCompat = /[?&]uselibpqcompat=/i.test(url);
  const config = toClientConfig(parse(url, { useLibpqCompat: !ownCompat }));
  const pool = new pg.Pool({
    ...config,
    types,
    max: options.max ?? 10,
    application_name: (config as { application_name?: string }).application_name ?? 'npsloop',
    // A request waits at most this long for a connection; then it gets 503 rather than hanging.
    connectionTimeoutMillis: 5000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    // Queries are written out without waiting for the answer to the one before (each is still answered in turn):
    // a transaction's BEGIN goes with its first statement, its COMMIT with its last (postgres-transaction.ts).
    // Nothing here streams rows through a cursor, which pipeline mode refuses.
    pipeline: true,
  });
  // Without a listener a connection's error between queries (the server restarting) would end the process: the pool
  // hears idle connections' errors, and each connection its own while it is checked out (in a transaction, say).
  // Either way the connection is dropped and the next request makes a new one.
  pool.on('error', (error) => options.onIdleError?.(error));
  pool.on('connect', (client) => {
    client.on('error', (error) => options.onIdleError?.(error));
    options.prepared?.attach(client);
  });
  return pool;
}

// Error codes of a database that is not there: node's socket errors (and a Unix socket file that is gone), and
// SQLSTATE classes 08 (connection exception), 57P01–57P03 (shut down, crashed, starting up) and 53300 (too many connections).
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNABORTED']);
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection ended|connection is closed/i;

/** Connecting to a Unix socket file that is not there: a local server that is down (it removes its socket) or another folder. */
function isMissingSocket(error: unknown): boolean {
  const { code, syscall } = (error ?? {}) as { code?: unknown; syscall?: unknown };
  return code === 'ENOENT' && syscall === 'connect';
}

/** True when an error means the database cannot be reached right now (as opposed to a bad query). */
export function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && (SOCKET_CODES.has(code) || isMissingSocket(error) || code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code))) return true;
  return error instanceof Error && UNAVAILABLE_MESSAGES.test(error.message);
}

/**
 * The same failure with a connection-exception SQLSTATE (08006), whatever the driver said ("Connection terminated",
 * a pool timeout): the error handler answers it as 503 `storage_unavailable` and /healthz reports it (db/storage-failures.ts).
 */
export function unreachableError(error: unknown): Error {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string' && /^(08|57P)/.test(code)) return error as Error;
  return Object.assign(new Error(`database server unreachable: ${error instanceof Error ? error.message : String(error)}`), { code: '08006', cause: error });
}

/** A one-line reason a connection attempt failed, naming where it went (never the password). */
export function connectionFailure(error: unknown, url: string): Error {
  const where = describePostgresUrl(url);
  const code = (error as { code?: string })?.code;
  const reason = code === 'ECONNREFUSED' ? 'connection refused (is PostgreSQL running and listening there?)'
    : isMissingSocket(error) ? 'no socket there (is PostgreSQL running, and is that folder one of its unix_socket_directories?)'
    : code === 'ENOTFOUND' || code === 'EAI_AGAIN' ? 'host not found'
    : code === '28P01' || code === '28000' ? `authentication failed: ${(error as Error).message}`
    : code === '3D000' ? `${(error as Error).message} (create it first: CREATE DATABASE …)`
    : error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new Error(`cannot open PostgreSQL database ${where}: ${reason}`);
}
