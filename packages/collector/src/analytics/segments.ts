/** Orders segment counters into the segments report users see. */
import type { Counters } from '../db/analytics/counters.ts';
import { figureOf } from './figures.ts';

/** One segment row: its value (null for answers without one), its figure, and whether n is below `minN`. */
export function segmentReport(by: string, counts: Map<string, Counters>, minN: number) {
  const segments = [...counts.entries()]
    .map(([value, counters]) => ({ value: value === '' ? null : value, ...figureOf(counters) }))
    .filter((segment) => segment.n > 0)
    .map((segment) => ({ ...segment, smallSample: segment.n < minN }))
    .sort((a, b) => b.n - a.n || String(a.value ?? '').localeCompare(String(b.value ?? '')));
  return { by, minN, segments };
}
