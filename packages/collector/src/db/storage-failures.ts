/**
 * Errors that mean the database cannot do its job right now (busy past the wait, disk full, I/O error,
 * read-only, corrupt, unreachable), as opposed to a bug: the client may retry them, and /healthz reports them.
 */

/** What kind of storage failure an error is. */
export type StorageFailureKind = 'busy' | 'full' | 'io' | 'readonly' | 'corrupt' | 'unreachable';

/** A classified storage failure and a short reason a person can act on. */
export interface StorageFailure {
  kind: StorageFailureKind;
  reason: string;
}

const REASONS: Record<StorageFailureKind, string> = {
  busy: 'the database is locked by another writer',
  full: 'the disk is full',
  io: 'the disk reported an I/O error',
  readonly: 'the database cannot be written (read-only)',
  corrupt: 'the database file is damaged',
  unreachable: 'the database server cannot be reached',
};

// SQLite's primary result codes (extended codes start with them) and PostgreSQL's SQLSTATE classes.
const SQLITE_KINDS: [prefix: string, kind: StorageFailureKind][] = [
  ['SQLITE_BUSY', 'busy'], ['SQLITE_LOCKED', 'busy'], ['SQLITE_FULL', 'full'], ['SQLITE_IOERR', 'io'], ['SQLITE_CANTOPEN', 'io'],
  ['SQLITE_READONLY', 'readonly'], ['SQLITE_CORRUPT', 'corrupt'], ['SQLITE_NOTADB', 'corrupt'],
];
const POSTGRES_KINDS: [prefix: string, kind: StorageFailureKind][] = [
  ['40001', 'busy'], ['40P01', 'busy'], ['55P03', 'busy'], ['53100', 'full'], ['53', 'full'], ['58', 'io'], ['25006', 'readonly'],
  ['XX001', 'corrupt'], ['XX002', 'corrupt'], ['08', 'unreachable'], ['57P', 'unreachable'],
];
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENOTFOUND']);

/** The storage failure an error is, or null when it is something else (a bug, a conflict). */
export function storageFailure(error: unknown): StorageFailure | null {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  const kind = code.startsWith('SQLITE_')
    ? SQLITE_KINDS.find(([prefix]) => code.startsWith(prefix))?.[1]
    : NETWORK_CODES.has(code) ? 'unreachable' : POSTGRES_KINDS.find(([prefix]) => /^[0-9A-Z]{5}$/.test(code) && code.startsWith(prefix))?.[1];
  return kind ? { kind, reason: REASONS[kind] } : null;
}
