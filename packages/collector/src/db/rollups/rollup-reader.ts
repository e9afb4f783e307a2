/** Sums rollup rows over planned pieces, grouped by the caller's bucket key or by dimension value. */
import { sql, type Kysely } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import type { Schema } from '../schema.ts';
import { GRAINS, type RollupPiece } from './range-plan.ts';
import { COUNTER_COLUMNS } from './rollup-delta.ts';

/** A planned piece tagged with the bucket (trend bucket, compare side, …) it adds to. */
export interface KeyedPiece extends RollupPiece {
  key: number;
}

// Every value ever seen has rows in every grain; the coarsest has the fewest to list them from.
const COARSEST = GRAINS[GRAINS.length - 1].grain;
// Trends need only the 0–10 counts; fewer sums make a year of daily buckets markedly cheaper.
const SCORE_COLUMNS = COUNTER_COLUMNS.slice(0, 11);

function piecesJson(pieces: readonly KeyedPiece[]): string {
  return JSON.stringify(pieces.map((piece) => [piece.grain, piece.from, piece.to, piece.key]));
}

/** Rollup reads on one database. */
export class RollupReader {
  constructor(private readonly db: Kysely<Schema>, private readonly dialectSql: DialectSql) {}

  /** Counters per piece key for one dimension value (`*` with value `''` for all responses); `scoresOnly` leaves the rest 0. */
  async sumByKey(surveyId: string, dim: string, value: string, pieces: readonly KeyedPiece[], scoresOnly = false): Promise<Map<number, number[]>> {
    const columns = scoresOnly ? SCORE_COLUMNS : COUNTER_COLUMNS;
    const sums = await this.netted(pieces, async (json) => {
      const key = this.dialectSql.jsonArrayNumber('p.value', 3);
      const rows = await this.pieceRows(json, surveyId, dim, columns).select(key.as('k')).where('r.value', '=', value).groupBy(key).execute();
      return rows.map((row) => [Number(row.k), columns.map((column) => Number(row[column] ?? 0))] as const);
    });
    return sums;
  }

  /** Counters per value of a dimension (`''` for responses without one), over all pieces. */
  async sumByValue(surveyId: string, dim: string, pieces: readonly KeyedPiece[]): Promise<Map<string, number[]>> {
    return this.netted(pieces, async (json) => {
      const values = this.db.selectFrom('analytics_rollups').select('value').where('survey_id', '=', surveyId).where('grain', '=', COARSEST).where('dim', '=', dim).groupBy('value');
      const rows = await this.pieceRows(json, surveyId, dim, COUNTER_COLUMNS).select('r.value').where('r.value', 'in', values).groupBy('r.value').execute();
      return rows.map((row) => [row.value, COUNTER_COLUMNS.map((column) => Number(row[column] ?? 0))] as const);
    });
  }

  // The pieces are the outer loop (CROSS JOIN), so each one is a primary-key range seek.
  private pieceRows(json: string, surveyId: string, dim: string, columns: readonly (typeof COUNTER_COLUMNS)[number][]) {
    const { jsonArrayRows, jsonArrayNumber, jsonArrayText } = this.dialectSql;
    return this.db.selectFrom(jsonArrayRows(json).as('p'))
      .crossJoin('analytics_rollups as r')
      .select(columns.map((column) => sql<number>`SUM(${sql.ref(`r.${column}`)})`.as(column)))
      .where('r.survey_id', '=', surveyId)
      .where((eb) => eb('r.grain', '=', jsonArrayText('p.value', 0)))
      .where('r.dim', '=', dim)
      .where((eb) => eb.and([eb('r.bucket_start', '>=', jsonArrayNumber('p.value', 1)), eb('r.bucket_start', '<', jsonArrayNumber('p.value', 2))]));
  }

  /** Runs a query once over the added pieces and once over the subtracted ones, netting the rows by their key. */
  private async netted<K>(pieces: readonly KeyedPiece[], run: (json: string) => Promise<(readonly [K, number[]])[]>): Promise<Map<K, number[]>> {
    const sums = new Map<K, number[]>();
    for (const sign of [1, -1] as const) {
      const signed = pieces.filter((piece) => piece.sign === sign);
      if (signed.length === 0) continue;
      for (const [key, counts] of await run(piecesJson(signed))) {
        const total = sums.get(key);
        if (!total) sums.set(key, sign === 1 ? counts : counts.map((count) => -count));
        else for (let index = 0; index < counts.length; index++) total[index] += sign * counts[index];
      }
    }
    return sums;
  }
}
