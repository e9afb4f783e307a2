/**
 * What a database engine provides to the data layer. Everything else is written once with Kysely; a dialect
 * module (src/db/sqlite, src/db/postgres) holds only what the engines really do differently: the connection
 * and its transactions, migrations, JSON and full-text search SQL, row locks, and wiping erased data.
 */
import type { Expression, Kysely, RawBuilder, SelectQueryBuilder } from 'kysely';
import type { Executor, TransactionExecutor } from './executor.ts';
import type { Schema } from './schema.ts';

/** A column as `alias.column`, or any SQL expression. */
export type SqlOperand = string | Expression<unknown>;

/** A select that can lock the rows it reads. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type LockableSelect = SelectQueryBuilder<any, any, any>;

/** SQL fragments whose spelling differs between engines. */
export interface DialectSql {
  /**
   * Locks the rows the select reads until the transaction ends, so a read-then-write is not raced by another
   * process (PostgreSQL `FOR UPDATE`, with `SKIP LOCKED` rows another transaction holds are passed over).
   * SQLite returns the select as it is: its write transaction already excludes every other writer.
   */
  lockRows<Q extends LockableSelect>(query: Q, options?: { skipLocked?: boolean }): Q;
  /** True when a join per piece must be a LATERAL subquery to seek an index piece by piece (PostgreSQL; see piece-join.ts). */
  readonly lateralJoins: boolean;
  /** A table of the elements of a JSON array parameter, one per row in a column named `value`. */
  jsonArrayRows(json: string): RawBuilder<{ value: unknown }>;
  /** Element `index` of a JSON array column, as a number. */
  jsonArrayNumber(column: SqlOperand, index: number): RawBuilder<number>;
  /** Element `index` of a JSON array column, as text. */
  jsonArrayText(column: SqlOperand, index: number): RawBuilder<string>;
  /** True when the JSON list in the column holds `value`. */
  jsonListContains(column: SqlOperand, value: string): RawBuilder<boolean>;
  /** A number field of the JSON document in the column, or null. */
  jsonNumberField(column: SqlOperand, field: string): RawBuilder<number | null>;
  /** A custom property of the JSON properties column, as JSON text (null when absent). */
  propertyJson(column: SqlOperand, name: string): RawBuilder<string | null>;
  /** True when a custom property equals `value` as a string, or as the number or boolean it spells. */
  propertyEquals(column: SqlOperand, name: string, value: string): RawBuilder<boolean>;
  /** The stored row's column inside an upsert's DO UPDATE (SQLite: unqualified, measured 1.5× faster; PostgreSQL needs `table.column`). */
  conflictTarget(table: string, column: string): RawBuilder<number>;
  /** True when the text column equals `value` ignoring ASCII case (emails; served by an index). */
  equalsIgnoringCase(column: SqlOperand, value: string): RawBuilder<boolean>;
  /** True for responses (aliased `alias`) whose comment holds every word, the last one as a prefix. */
  commentMatches(alias: string, words: readonly string[]): RawBuilder<boolean>;
}

/** An open database of one engine. */
export interface Dialect {
  readonly name: 'sqlite' | 'postgres';
  /** Kysely on the whole database (queries outside a transaction). */
  readonly db: Kysely<Schema>;
  /** An executor outside any transaction. */
  readonly root: Executor;
  readonly sql: DialectSql;
  /** The schema version after migrating. */
  readonly schemaVersion: number;
  /** Runs `work` in one write transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(work: (tx: TransactionExecutor) => Promise<T>): Promise<T>;
  /** Like `transaction`, with deleted content overwritten in the database file. */
  erasingTransaction<T>(work: (tx: TransactionExecutor) => Promise<T>): Promise<T>;
  /** After erasing: leaves no copy of erased text in indexes or logs; false when that has to wait for the next checkpoint. */
  flushErasure(): Promise<boolean>;
  /** Recomputes the comment search index from the responses, inside the caller's transaction. */
  rebuildCommentIndex(tx: Executor): Promise<void>;
  /** Runs a bulk job (rollup rebuild) with a larger page cache. */
  withBulkCache<T>(work: () => Promise<T>): Promise<T>;
  /** True for an error after which the same transaction may simply run again (a deadlock or serialization failure). */
  isTransient(error: unknown): boolean;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /** Closes the connection (and its checkpointer). */
  close(): Promise<void>;
}
