/** Orders segment counters into the segments report users see, with each row's change when a previous period is given. */
import { distributionOnScale, type Metric } from '@npsloop/core';
import type { Counters } from '../db/analytics/counters.ts';
import { figureOf } from './figures.ts';
import { flagChanges } from './significance.ts';

/**
 * One row per segment value (null for answers without one): its figure and whether n is below `minN`, biggest
 * first. With `previous` (the same segments one period earlier), each row also carries its change from then,
 * significance corrected over the rows shown (Benjamini–Hochberg).
 */
export function segmentReport(by: string, counts: Map<string, Counters>, minN: number, metric: Metric, previous?: Map<string, Counters>) {
  const rows = [...counts.entries()]
    .map(([value, counters]) => ({ key: value, value: value === '' ? null : value, ...figureOf(metric, counters) }))
    .filter((segment) => segment.n > 0)
    .map((segment) => ({ ...segment, smallSample: segment.n < minN }))
    .sort((a, b) => b.n - a.n || String(a.value ?? '').localeCompare(String(b.value ?? '')));
  if (!previous) return { by, minN, segments: rows.map(({ key: _key, ...segment }) => segment) };
  const before = rows.map((row) => previous.get(row.key));
  const { changes, multipleComparisons } = flagChanges(metric, rows.map((row, index) => {
    const earlier = before[index];
    return earlier ? { before: distributionOnScale(metric, earlier.slice(0, 11)), after: row.distribution } : null;
  }));
  const segments = rows.map(({ key: _key, ...segment }, index) => {
    const earlier = before[index] && figureOf(metric, before[index]);
    return { ...segment, previous: earlier ? { n: earlier.n, score: earlier.score } : null, change: changes[index] };
  });
  return { by, minN, segments, multipleComparisons };
}
