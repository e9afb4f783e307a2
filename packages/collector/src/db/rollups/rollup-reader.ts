/** Sums rollup rows over planned pieces, grouped by the caller's bucket key or by dimension value. */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import { queryTemplate, type Executor, type QueryTemplate } from '../executor.ts';
import { joinEachPiece } from '../piece-join.ts';
import type { Schema } from '../schema.ts';
import { GRAINS, type RollupPiece } from './range-plan.ts';
import { COUNTER_COLUMNS } from './rollup-delta.ts';

/** A planned piece tagged with the bucket (trend bucket, compare side, …) it adds to. */
export interface KeyedPiece extends RollupPiece {
  key: number;
}

type CounterColumn = (typeof COUNTER_COLUMNS)[number];
type PieceValues = 'pieces' | 'surveyId' | 'dim';

const COARSEST = GRAINS[GRAINS.length - 1].grain;
// Trends need only the 0–10 counts; fewer sums make a year of daily buckets markedly cheaper.
const SCORE_COLUMNS = COUNTER_COLUMNS.slice(0, 11);

/** `[[grain, from, to, key], …]`, written directly: a year of local days is ~1,700 pieces, and `JSON.stringify` of arrays took ~1.5 ms of a 20 ms trend. */
function piecesJson(pieces: readonly KeyedPiece[]): string {
  let json = '';
  for (const piece of pieces) json += `${json ? ',' : '['}["${piece.grain}",${piece.from},${piece.to},${piece.key}]`;
  return json ? `${json}]` : '[]';
}

/**
 * The sums of `columns` over the rollup rows each piece covers of one value (`value('value')`) or of every listed
 * value; each piece is a primary-key range seek (piece-join.ts).
 */
function pieceRows(db: Kysely<Schema>, dialectSql: DialectSql, value: (name: PieceValues | 'value') => never, columns: readonly CounterColumn[],
  values: 'one' | 'all') {
  const { jsonArrayNumber, jsonArrayText } = dialectSql;
  const ofValue = values === 'one'
    ? sql<SqlBool>`r.value = ${value('value')}`
    // Every value ever seen has rows in every grain; the coarsest has the fewest to list them from.
    : sql<SqlBool>`r.value IN (${db.selectFrom('analytics_rollups').select('value').where('survey_id', '=', value('surveyId'))
      .where('grain', '=', COARSEST).where('dim', '=', value('dim')).groupBy('value')})`;
  return joinEachPiece(db, dialectSql, value('pieces'), 'analytics_rollups', 'r', [
    sql<SqlBool>`r.survey_id = ${value('surveyId')}`, sql<SqlBool>`r.grain = ${jsonArrayText('p.value', 0)}`, sql<SqlBool>`r.dim = ${value('dim')}`, ofValue,
    sql<SqlBool>`r.bucket_start >= ${jsonArrayNumber('p.value', 1)}`, sql<SqlBool>`r.bucket_start < ${jsonArrayNumber('p.value', 2)}`,
  ]).select(columns.map((column) => sql<number>`SUM(${sql.ref(`r.${column}`)})`.as(column)));
}

/** The rollup reads, compiled once per database (building a query costs more than running it). */
function readerTemplates(db: Kysely<Schema>, dialectSql: DialectSql) {
  const byKey = (columns: readonly CounterColumn[]) => queryTemplate<PieceValues | 'value'>((value) => {
    const key = dialectSql.jsonArrayNumber('p.value', 3);
    return pieceRows(db, dialectSql, value, columns, 'one').select(key.as('k')).groupBy(key);
  });
  return {
    byKey: byKey(COUNTER_COLUMNS),
    scoresByKey: byKey(SCORE_COLUMNS),
    byValue: queryTemplate<PieceValues | 'value'>((value) => pieceRows(db, dialectSql, value, COUNTER_COLUMNS, 'all').select('r.value').groupBy('r.value')),
  };
}

type SumRow = Partial<Record<CounterColumn, number | string | null>> & { k?: number | string; value?: string };

/** Rollup reads on one database. */
export class RollupReader {
  private readonly templates: ReturnType<typeof readerTemplates>;

  constructor(private readonly executor: Executor, dialectSql: DialectSql) {
    this.templates = readerTemplates(executor.db, dialectSql);
  }

  /** Counters per piece key for one dimension value (`*` with value `''` for all responses); `scoresOnly` leaves the rest 0. */
  async sumByKey(surveyId: string, dim: string, value: string, pieces: readonly KeyedPiece[], scoresOnly = false): Promise<Map<number, number[]>> {
    const columns = scoresOnly ? SCORE_COLUMNS : COUNTER_COLUMNS;
    const template = scoresOnly ? this.templates.scoresByKey : this.templates.byKey;
    return this.netted(pieces, template, { surveyId, dim, value }, (row) => [Number(row.k), columns.map((column) => Number(row[column] ?? 0))]);
  }

  /** Counters per value of a dimension (`''` for responses without one), over all pieces. */
  async sumByValue(surveyId: string, dim: string, pieces: readonly KeyedPiece[]): Promise<Map<string, number[]>> {
    return this.netted(pieces, this.templates.byValue, { surveyId, dim, value: '' }, (row) => [row.value!, COUNTER_COLUMNS.map((column) => Number(row[column] ?? 0))]);
  }

  /** Runs a query once over the added pieces and once over the subtracted ones, netting the rows by their key. */
  private async netted<K>(pieces: readonly KeyedPiece[], template: QueryTemplate<PieceValues | 'value'>, values: { surveyId: string; dim: string; value: string },
    read: (row: SumRow) => [K, number[]]): Promise<Map<K, number[]>> {
    const sums = new Map<K, number[]>();
    for (const sign of [1, -1] as const) {
      const signed = pieces.filter((piece) => piece.sign === sign);
      if (signed.length === 0) continue;
      for (const row of await this.executor.all<SumRow>(template, { ...values, pieces: piecesJson(signed) })) {
        const [key, counts] = read(row);
        const total = sums.get(key);
        if (!total) sums.set(key, sign === 1 ? counts : counts.map((count) => -count));
        else for (let index = 0; index < counts.length; index++) total[index] += sign * counts[index];
      }
    }
    return sums;
  }
}
