/** Adds rollup deltas to their rows (creating rows as needed), inside the caller's transaction. */
import type { Kysely } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import { queryTemplate, type Executor } from '../executor.ts';
import type { RollupCounters, Schema } from '../schema.ts';
import { COUNTER_COLUMNS, type RollupDelta, type RollupDeltas } from './rollup-delta.ts';

type KeyColumn = 'surveyId' | 'grain' | 'dim' | 'value' | 'bucketStart';

/** The upsert of one rollup row (`counter = counter + excluded.counter`), compiled once per database. */
export function rollupUpsertTemplate(db: Kysely<Schema>, dialectSql: DialectSql) {
  return queryTemplate<KeyColumn | keyof RollupCounters>((value) => db.insertInto('analytics_rollups')
    .values({
      survey_id: value('surveyId'), grain: value('grain'), dim: value('dim'), value: value('value'), bucket_start: value('bucketStart'),
      ...(Object.fromEntries(COUNTER_COLUMNS.map((column) => [column, value(column)])) as unknown as RollupCounters),
    })
    .onConflict((conflict) => conflict.columns(['survey_id', 'grain', 'dim', 'value', 'bucket_start']).doUpdateSet((eb) =>
      Object.fromEntries(COUNTER_COLUMNS.map((column) => [column, eb(dialectSql.conflictTarget('analytics_rollups', column), '+', eb.ref(`excluded.${column}`))])))));
}

/** The upsert template's type. */
export type RollupUpsert = ReturnType<typeof rollupUpsertTemplate>;

/** Adds each delta to its rollup row. */
export async function applyRollupDeltas(tx: Executor, upsert: RollupUpsert, deltas: readonly RollupDelta[]): Promise<void> {
  for (const delta of deltas) {
    const values: Record<string, unknown> = { surveyId: delta.surveyId, grain: delta.grain, dim: delta.dim, value: delta.value, bucketStart: delta.bucketStart };
    COUNTER_COLUMNS.forEach((column, index) => (values[column] = delta.counters[index]));
    await tx.run(upsert, values as Record<KeyColumn | keyof RollupCounters, unknown>);
  }
}

/** Drains an accumulator into the rollup rows; returns how many rows it touched. */
export async function flushRollupDeltas(tx: Executor, upsert: RollupUpsert, accumulator: RollupDeltas): Promise<number> {
  const deltas = accumulator.drain();
  await applyRollupDeltas(tx, upsert, deltas);
  return deltas.length;
}
