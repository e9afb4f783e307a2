/** Count vectors in rollup column order: answers per score 0–10, comments, prompted, shown, dismissed. */
import { COUNTER_COLUMNS } from '../rollups/rollup-delta.ts';

/** Counters in rollup column order: s0..s10, comments, prompted, shown, dismissed. */
export type Counters = number[];

/** A fresh all-zero counter vector. */
export function emptyCounters(): Counters {
  return new Array<number>(COUNTER_COLUMNS.length).fill(0);
}

/** Adds `source` into `target` element-wise and returns `target`. */
export function addCounters(target: Counters, source: readonly number[]): Counters {
  for (let index = 0; index < target.length; index++) target[index] += source[index] ?? 0;
  return target;
}
