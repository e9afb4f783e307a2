/**
 * Rows of a table for each piece of a JSON list of pieces (time ranges, rollup buckets): each piece must be an index
 * range seek, never a scan of the whole table. SQLite loops a CROSS JOIN in the order written, pieces outside.
 * PostgreSQL's planner guesses 100 rows for a JSON table and, for ranges it cannot estimate, hashes the pieces
 * against a scan of the survey's rows instead (a year of daily rollup pieces: 440 ms against 12 ms seeking): there
 * the rows come from a LATERAL subquery with `OFFSET 0`, which it can neither pull up into a join nor run other than
 * piece by piece (a year of local days, 1,151 pieces: 6.4 s → 47 ms).
 */
import { sql, type Expression, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { DialectSql } from './dialect.ts';
import type { Schema } from './schema.ts';

/** The tables read piece by piece. */
export type PieceTable = 'analytics_rollups' | 'responses' | 'events';

/** What is in scope: the pieces as `p` (one JSON array each, in `p.value`) and the table under its alias. */
export type PieceScope<T extends PieceTable, A extends string> = { p: { value: unknown } } & { [K in A]: Schema[T] };

/**
 * `FROM <pieces> AS p` joined to the rows of `table AS alias` that meet `conditions` (which refer to `p.value` and
 * `alias.column`); the caller adds its select and grouping.
 */
export function joinEachPiece<T extends PieceTable, A extends string>(db: Kysely<Schema>, dialectSql: DialectSql, piecesJson: string,
  table: T, alias: A, conditions: readonly Expression<SqlBool>[]): SelectQueryBuilder<PieceScope<T, A>, 'p' | A, object> {
  const where = sql<SqlBool>`${sql.join(conditions, sql` AND `)}`;
  // Built untyped (the table is a parameter), typed again on return.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const pieces = db.selectFrom(dialectSql.jsonArrayRows(piecesJson).as('p')) as unknown as SelectQueryBuilder<any, any, object>;
  const joined = dialectSql.lateralJoins
    ? pieces.innerJoinLateral((eb) => eb.selectFrom(sql.table(table).as(alias)).selectAll().where(where).offset(0).as(alias), (join) => join.onTrue())
    : pieces.crossJoin(sql.table(table).as(alias)).where(where);
  return joined as unknown as SelectQueryBuilder<PieceScope<T, A>, 'p' | A, object>;
}
