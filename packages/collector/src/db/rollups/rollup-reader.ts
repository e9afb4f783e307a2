/** Sums rollup rows over planned pieces, grouped by the caller's bucket key or by dimension value. */
import type { Database } from 'better-sqlite3';
import { COUNTER_COLUMNS } from './rollup-delta.ts';
import { GRAINS, type RollupPiece } from './range-plan.ts';
import { ROLLUP_TABLE } from '../../rollups/rollup-schema.ts';

/** A planned piece tagged with the bucket (trend bucket, compare side, …) it adds to. */
export interface KeyedPiece extends RollupPiece {
  key: number;
}

// CROSS JOIN keeps the pieces as the outer loop, so each one is a primary-key range seek.
const SUMS = COUNTER_COLUMNS.map((column) => `SUM(r.${column})`).join(', ');
// Trends need only the 0–10 counts; fewer sums make a year of daily buckets markedly cheaper.
const SCORE_SUMS = COUNTER_COLUMNS.slice(0, 11).map((column) => `SUM(r.${column})`).join(', ');
const PIECE_JOIN = `FROM json_each(?) AS p CROSS JOIN ${ROLLUP_TABLE} AS r
  ON r.survey_id = ? AND r.grain = p.value ->> 0 AND r.dim = ?`;
// Every value ever seen has rows in every grain; the coarsest has the fewest to list them from.
const COARSEST = GRAINS[GRAINS.length - 1].grain;
const PIECE_RANGE = 'r.bucket_start >= p.value ->> 1 AND r.bucket_start < p.value ->> 2';

function piecesJson(pieces: readonly KeyedPiece[]): string {
  return JSON.stringify(pieces.map((piece) => [piece.grain, piece.from, piece.to, piece.key]));
}

/** Prepared rollup reads on one database. */
export function createRollupReader(db: Database) {
  const byKeySql = (sums: string) => `SELECT p.value ->> 3 AS k, ${sums} ${PIECE_JOIN} AND r.value = ? AND ${PIECE_RANGE} GROUP BY k`;
  const byKey = db.prepare(byKeySql(SUMS)).raw();
  const scoresByKey = db.prepare(byKeySql(SCORE_SUMS)).raw();
  const byValue = db
    .prepare(`SELECT r.value AS k, ${SUMS} ${PIECE_JOIN}
      AND r.value IN (SELECT value FROM ${ROLLUP_TABLE} WHERE survey_id = ? AND grain = '${COARSEST}' AND dim = ? GROUP BY value)
      AND ${PIECE_RANGE} GROUP BY k`)
    .raw();

  /** Runs a query once over the added pieces and once over the subtracted ones, netting the rows by their key. */
  function netted<K>(pieces: readonly KeyedPiece[], run: (json: string) => [K, ...number[]][]): Map<K, number[]> {
    const sums = new Map<K, number[]>();
    for (const sign of [1, -1] as const) {
      const signed = pieces.filter((piece) => piece.sign === sign);
      if (signed.length === 0) continue;
      for (const [key, ...counts] of run(piecesJson(signed))) {
        const total = sums.get(key);
        if (!total) sums.set(key, sign === 1 ? counts : counts.map((count) => -count));
        else for (let index = 0; index < counts.length; index++) total[index] += sign * counts[index];
      }
    }
    return sums;
  }

  return {
    /** Counters per piece key for one dimension value (`*` with value `''` for all responses); `scoresOnly` leaves the rest 0. */
    sumByKey(surveyId: string, dim: string, value: string, pieces: readonly KeyedPiece[], scoresOnly = false): Map<number, number[]> {
      const statement = scoresOnly ? scoresByKey : byKey;
      const sums = netted(pieces, (json) => statement.all(json, surveyId, dim, value) as [number, ...number[]][]);
      return new Map([...sums].map(([key, counts]) => [Number(key), counts]));
    },
    /** Counters per value of a dimension (`''` for responses without one), over all pieces. */
    sumByValue(surveyId: string, dim: string, pieces: readonly KeyedPiece[]): Map<string, number[]> {
      return netted(pieces, (json) => byValue.all(json, surveyId, dim, surveyId, dim) as [string, ...number[]][]);
    },
  };
}

/** The rollup reader's interface. */
export type RollupReader = ReturnType<typeof createRollupReader>;
