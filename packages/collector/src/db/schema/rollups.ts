/** Analytics rollup tables: counters per bucket, and the deltas not yet folded in. */
import type { Generated } from 'kysely';

/** The counter columns of a rollup row (see `COUNTER_COLUMNS`). */
export interface RollupCounters {
  s0: number; s1: number; s2: number; s3: number; s4: number; s5: number; s6: number; s7: number; s8: number; s9: number; s10: number;
  comments: number;
  prompted: number;
  shown: number;
  dismissed: number;
}

/** `analytics_rollups`: counters per survey, grain, dimension value and UTC bucket. */
export interface RollupsTable extends RollupCounters {
  survey_id: string;
  grain: string;
  dim: string;
  value: string;
  bucket_start: number;
}

/** `analytics_rollup_pending`: write batches' 15-minute deltas not yet folded into the rollups. */
export interface RollupPendingTable {
  id: Generated<number>;
  deltas: string;
}
