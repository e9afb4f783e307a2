import { describe, expect, it } from 'vitest';
import { scaleFollowUpGroup, type Metric } from '../../src/index.js';

describe('scaleFollowUpGroup', () => {
  it.each<[Metric, number[], number[], number[]]>([
    ['nps', [0, 6], [7, 8], [9, 10]],
    ['csat', [1, 2], [3], [4, 5]],
    ['ces', [1, 2, 3], [4], [5, 6, 7]],
  ])('%s: low %j, middle %j, high %j', (metric, low, middle, high) => {
    for (const score of low) expect(scaleFollowUpGroup(metric, score)).toBe('detractor');
    for (const score of middle) expect(scaleFollowUpGroup(metric, score)).toBe('passive');
    for (const score of high) expect(scaleFollowUpGroup(metric, score)).toBe('promoter');
  });
});
