import { describe, expect, it } from 'vitest';
import {
  assertDistribution, DEFAULT_LOOP_THRESHOLDS, DEFAULT_METRIC, distributionOnScale, isMetric, isScoreOnScale, METRIC_SCALES,
  METRICS, scalePointCount, scalePoints, scoreRangeProblem,
} from '../../src/index.js';

describe('metric scales', () => {
  it('has NPS 0–10 (the default), CSAT 1–5 and CES 1–7', () => {
    expect(METRICS).toEqual(['nps', 'csat', 'ces']);
    expect(DEFAULT_METRIC).toBe('nps');
    expect(METRIC_SCALES).toEqual({ nps: { lowest: 0, highest: 10 }, csat: { lowest: 1, highest: 5 }, ces: { lowest: 1, highest: 7 } });
    expect(METRICS.map(scalePointCount)).toEqual([11, 5, 7]);
    expect(scalePoints('ces')).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('opens loops at or below 6 (NPS), 2 (CSAT), 3 (CES) by default', () => {
    expect(DEFAULT_LOOP_THRESHOLDS).toEqual({ nps: 6, csat: 2, ces: 3 });
  });

  it.each([
    ['nps', true], ['csat', true], ['ces', true], ['NPS', false], ['', false], [null, false], [3, false],
  ])('isMetric(%j) is %s', (value, expected) => {
    expect(isMetric(value)).toBe(expected);
  });
});

describe('scoreRangeProblem', () => {
  it.each([
    ['nps', 0, null], ['nps', 10, null], ['csat', 1, null], ['csat', 5, null], ['ces', 1, null], ['ces', 7, null],
    ['nps', 11, 'must be an integer from 0 to 10 (the survey measures NPS)'],
    ['nps', -1, 'must be an integer from 0 to 10 (the survey measures NPS)'],
    ['csat', 0, 'must be an integer from 1 to 5 (the survey measures CSAT)'],
    ['csat', 6, 'must be an integer from 1 to 5 (the survey measures CSAT)'],
    ['csat', 4.5, 'must be an integer from 1 to 5 (the survey measures CSAT)'],
    ['ces', 8, 'must be an integer from 1 to 7 (the survey measures CES)'],
    ['ces', '7', 'must be an integer from 1 to 7 (the survey measures CES)'],
    ['ces', Number.NaN, 'must be an integer from 1 to 7 (the survey measures CES)'],
  ] as const)('%s score %j: %s', (metric, score, problem) => {
    expect(scoreRangeProblem(metric, score)).toBe(problem);
    expect(isScoreOnScale(metric, score)).toBe(problem === null);
  });
});

describe('distributionOnScale', () => {
  const byScore = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

  it('takes the points of the scale from counts indexed by score 0–10', () => {
    expect(distributionOnScale('nps', byScore)).toEqual(byScore);
    expect(distributionOnScale('csat', byScore)).toEqual([1, 2, 3, 4, 5]);
    expect(distributionOnScale('ces', byScore)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('fills missing buckets with zero', () => {
    expect(distributionOnScale('csat', [0, 4])).toEqual([4, 0, 0, 0, 0]);
  });
});

describe('assertDistribution', () => {
  it('accepts one non-negative integer count per scale point and refuses anything else', () => {
    expect(() => assertDistribution('csat', [0, 1, 2, 3, 4])).not.toThrow();
    expect(() => assertDistribution('csat', [0, 1, 2, 3])).toThrow('a CSAT distribution has 5 counts (one per scale point), got 4');
    expect(() => assertDistribution('ces', [0, 1, 2, 3, 4, -1, 0])).toThrow(RangeError);
    expect(() => assertDistribution('nps', Array(11).fill(0.5))).toThrow(RangeError);
  });
});
