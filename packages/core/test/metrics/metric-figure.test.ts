import { describe, expect, it } from 'vitest';
import {
  compareCes, compareCsat, compareMetric, compareNps, countsFromDistribution, metricFigure, npsFigure, scalePointCount, type Metric,
} from '../../src/index.js';

const SAMPLES: Record<Metric, number[]> = {
  nps: [3, 1, 2, 2, 4, 5, 6, 10, 14, 20, 33],
  csat: [4, 6, 10, 40, 40],
  ces: [1, 2, 4, 8, 15, 20, 10],
};

describe('metricFigure: one shape for every metric', () => {
  it.each(Object.entries(SAMPLES) as [Metric, number[]][])('%s has metric, n, score, interval and the distribution', (metric, distribution) => {
    const figure = metricFigure(metric, distribution);
    expect(figure.metric).toBe(metric);
    expect(figure.n).toBe(distribution.reduce((sum, count) => sum + count, 0));
    expect(typeof figure.score).toBe('number');
    expect(figure.interval).toEqual({ low: expect.any(Number), high: expect.any(Number), level: 0.95, method: expect.any(String) });
    expect(figure.interval!.low).toBeLessThanOrEqual(figure.score!);
    expect(figure.interval!.high).toBeGreaterThanOrEqual(figure.score!);
    expect(figure.distribution).toEqual(distribution);
    expect(figure.distribution).toHaveLength(scalePointCount(metric));
    expect(figure.distribution).not.toBe(distribution);
  });

  it('keeps every field NPS returns today, with score equal to nps', () => {
    const figure = metricFigure('nps', SAMPLES.nps);
    expect(figure).toMatchObject(npsFigure(countsFromDistribution(SAMPLES.nps)));
    expect(figure.score).toBe(figure.nps);
    expect(Object.keys(figure)).toEqual(['metric', 'n', 'score', 'interval', 'distribution', 'nps', 'promoters', 'passives', 'detractors']);
  });

  it('names each metric’s own fields', () => {
    expect(Object.keys(metricFigure('csat', SAMPLES.csat))).toEqual(['metric', 'n', 'score', 'interval', 'distribution', 'mean', 'satisfied', 'neutral', 'dissatisfied']);
    expect(Object.keys(metricFigure('ces', SAMPLES.ces))).toEqual(['metric', 'n', 'score', 'interval', 'distribution', 'mean', 'agree', 'neutral', 'disagree']);
  });

  it('refuses a distribution of another scale', () => {
    expect(() => metricFigure('nps', SAMPLES.csat)).toThrow(RangeError);
    expect(() => metricFigure('ces', SAMPLES.nps)).toThrow(RangeError);
  });
});

describe('compareMetric', () => {
  const later: Record<Metric, number[]> = {
    nps: [1, 1, 1, 2, 2, 3, 4, 8, 12, 25, 40],
    csat: [2, 3, 8, 42, 50],
    ces: [1, 1, 3, 6, 14, 24, 15],
  };

  it('uses each metric’s own test and names it', () => {
    expect(compareMetric('nps', SAMPLES.nps, later.nps)).toEqual({
      metric: 'nps', test: 'two-sample-z', ...compareNps(countsFromDistribution(SAMPLES.nps), countsFromDistribution(later.nps)),
    });
    expect(compareMetric('csat', SAMPLES.csat, later.csat)).toEqual({ metric: 'csat', test: 'two-proportion-z', ...compareCsat(SAMPLES.csat, later.csat) });
    expect(compareMetric('ces', SAMPLES.ces, later.ces)).toEqual({ metric: 'ces', test: 'welch-t', ...compareCes(SAMPLES.ces, later.ces) });
  });

  it('passes alpha through and refuses distributions of another scale', () => {
    expect(compareMetric('csat', [100, 0, 0, 0, 100], [90, 0, 0, 0, 110], 0.5).significant).toBe(true);
    expect(() => compareMetric('nps', SAMPLES.csat, later.csat)).toThrow(RangeError);
  });
});
