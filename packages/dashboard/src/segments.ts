/** Pure helpers of the touchpoints page: sorting segments. */
import { scoreOf } from './figures.ts';
import type { Segment } from './types.ts';

/** Columns the segments table sorts by. */
export type SegmentSortKey = 'value' | 'n' | 'score';

/** A sort: column and direction. */
export interface SegmentSort {
  key: SegmentSortKey;
  descending: boolean;
}

/** Sorted copy; an unknown score (n = 0) and the "(none)" segment always go last. `score` is the survey's own metric (NPS, % satisfied, mean effort). */
export function sortSegments(segments: readonly Segment[], sort: SegmentSort): Segment[] {
  const sign = sort.descending ? -1 : 1;
  return [...segments].sort((a, b) => {
    if (sort.key === 'value') {
      if (a.value === null || b.value === null) return a.value === null ? 1 : -1;
      return sign * a.value.localeCompare(b.value);
    }
    const left = sort.key === 'n' ? a.n : scoreOf(a);
    const right = sort.key === 'n' ? b.n : scoreOf(b);
    if (left === null || right === null) return left === null ? (right === null ? 0 : 1) : -1;
    return sign * (left - right);
  });
}

/** The next sort after clicking a column: the same column flips, a new one starts descending (text ascending). */
export function nextSort(current: SegmentSort, key: SegmentSortKey): SegmentSort {
  if (current.key === key) return { key, descending: !current.descending };
  return { key, descending: key !== 'value' };
}
