/** Applies accumulated rollup deltas inside the caller's transaction. */
import type { Database } from 'better-sqlite3';
import { COUNTER_COLUMNS, type RollupDelta, type RollupDeltas } from './rollup-delta.ts';
import { ROLLUP_TABLE } from '../../rollups/rollup-schema.ts';

const KEY_COLUMNS = ['survey_id', 'grain', 'dim', 'value', 'bucket_start'];

const UPSERT_SQL = `INSERT INTO ${ROLLUP_TABLE} (${[...KEY_COLUMNS, ...COUNTER_COLUMNS].join(', ')})
VALUES (${[...KEY_COLUMNS, ...COUNTER_COLUMNS].map(() => '?').join(', ')})
ON CONFLICT (${KEY_COLUMNS.join(', ')}) DO UPDATE SET
${COUNTER_COLUMNS.map((column) => `${column} = ${column} + excluded.${column}`).join(', ')}`;

/** Writes rollup deltas; call `apply` inside the same transaction as the raw writes they describe. */
export function createRollupWriter(db: Database) {
  const upsert = db.prepare(UPSERT_SQL);
  return {
    /** Adds each delta to its rollup row, creating rows as needed. */
    applyDeltas(deltas: readonly RollupDelta[]): void {
      for (const delta of deltas) {
        upsert.run(delta.surveyId, delta.grain, delta.dim, delta.value, delta.bucketStart, ...delta.counters);
      }
    },
    /** Drains the accumulator into the table. */
    flush(accumulator: RollupDeltas): number {
      const deltas = accumulator.drain();
      this.applyDeltas(deltas);
      return deltas.length;
    },
  };
}

/** The rollup writer's interface. */
export type RollupWriter = ReturnType<typeof createRollupWriter>;
