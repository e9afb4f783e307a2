/** Adds rollup deltas to their rows (creating rows as needed), inside the caller's transaction. */
import type { Kysely } from 'kysely';
import type { RollupCounters, Schema } from '../schema.ts';
import { COUNTER_COLUMNS, type RollupDelta, type RollupDeltas } from './rollup-delta.ts';

/** Rows per INSERT: 20 values each, well inside every engine's parameter limit. */
const ROWS_PER_STATEMENT = 500;

function counterValues(counters: readonly number[]): RollupCounters {
  const values = {} as Record<keyof RollupCounters, number>;
  COUNTER_COLUMNS.forEach((column, index) => (values[column] = counters[index]));
  return values;
}

/** Adds each delta to its rollup row in multi-row upserts (`counter = counter + excluded.counter`). */
export async function applyRollupDeltas(db: Kysely<Schema>, deltas: readonly RollupDelta[]): Promise<void> {
  for (let start = 0; start < deltas.length; start += ROWS_PER_STATEMENT) {
    const rows = deltas.slice(start, start + ROWS_PER_STATEMENT).map((delta) => ({
      survey_id: delta.surveyId, grain: delta.grain, dim: delta.dim, value: delta.value, bucket_start: delta.bucketStart,
      ...counterValues(delta.counters),
    }));
    await db.insertInto('analytics_rollups').values(rows)
      .onConflict((conflict) => conflict.columns(['survey_id', 'grain', 'dim', 'value', 'bucket_start']).doUpdateSet((eb) =>
        Object.fromEntries(COUNTER_COLUMNS.map((column) => [column, eb(`analytics_rollups.${column}`, '+', eb.ref(`excluded.${column}`))]))))
      .execute();
  }
}

/** Drains an accumulator into the rollup rows; returns how many rows it touched. */
export async function flushRollupDeltas(db: Kysely<Schema>, accumulator: RollupDeltas): Promise<number> {
  const deltas = accumulator.drain();
  await applyRollupDeltas(db, deltas);
  return deltas.length;
}
