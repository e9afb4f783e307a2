import { describe, expect, it } from 'vitest';
import { compareNps, countsFromDistribution, npsFigure, npsFromCounts, npsInterval, twoSidedP } from '../src/index.js';

const counts = (promoters: number, passives: number, detractors: number) => ({ promoters, passives, detractors });

describe('npsFromCounts', () => {
  it.each([
    [counts(50, 30, 20), 30],
    [counts(0, 10, 0), 0],
    [counts(10, 0, 0), 100],
    [counts(0, 0, 10), -100],
    [counts(1, 1, 1), 0],
  ])('%o gives %d', (groups, nps) => {
    expect(npsFromCounts(groups)).toBeCloseTo(nps, 10);
  });

  it('is null without answers', () => {
    expect(npsFromCounts(counts(0, 0, 0))).toBeNull();
  });
});

describe('npsInterval (adjusted Wald, 95%)', () => {
  // Hand-computed: n' = n + 3, p' = (count + 3/4) / n', var = p'P + p'D − NPS'², ±1.96·√(var/n').
  it.each([
    [counts(50, 30, 20), 14.1, 44.2],
    [counts(1, 0, 0), -48.5, 98.5],
    [counts(0, 0, 1), -98.5, 48.5],
    [counts(10, 0, 0), 47.5, 100],
    [counts(0, 5, 0), -30, 30],
    [counts(200, 100, 50), 34.9, 50.1],
    [counts(3, 4, 5), -53, 26.4],
  ])('%o gives [%d, %d]', (groups, low, high) => {
    expect(npsInterval(groups)).toEqual({ low, high, level: 0.95, method: 'adjusted-wald' });
  });

  it('is clipped to [−100, 100]', () => {
    const interval = npsInterval(counts(1000, 0, 0));
    expect(interval?.high).toBe(100);
    expect(interval?.low).toBeGreaterThan(99);
  });

  it('is null without answers', () => {
    expect(npsInterval(counts(0, 0, 0))).toBeNull();
  });
});

describe('npsFigure', () => {
  it('gives n, the NPS, the interval and each group rounded to one decimal', () => {
    expect(npsFigure(counts(1, 1, 1))).toEqual({
      n: 3,
      nps: 0,
      interval: npsInterval(counts(1, 1, 1)),
      promoters: { count: 1, percent: 33.3 },
      passives: { count: 1, percent: 33.3 },
      detractors: { count: 1, percent: 33.3 },
    });
    expect(npsFigure(counts(2, 0, 1)).nps).toBe(33.3);
    expect(npsFigure(counts(1, 0, 2)).nps).toBe(-33.3);
  });

  it('never reports −0', () => {
    expect(Object.is(npsFigure(counts(0, 3, 0)).nps, 0)).toBe(true);
  });

  it('has null NPS and interval and zero percents when n = 0', () => {
    expect(npsFigure(counts(0, 0, 0))).toEqual({
      n: 0, nps: null, interval: null,
      promoters: { count: 0, percent: 0 }, passives: { count: 0, percent: 0 }, detractors: { count: 0, percent: 0 },
    });
  });
});

describe('compareNps (two-sample z-test on adjusted quantities)', () => {
  it.each([
    [counts(50, 30, 20), counts(60, 25, 15), 15, 1.372, 0.1702, false],
    [counts(40, 30, 30), counts(60, 25, 15), 35, 3.101, 0.0019, true],
    [counts(500, 300, 200), counts(560, 260, 180), 8, 2.301, 0.0214, true],
  ])('%o → %o: difference %d, z %d, p %d', (a, b, difference, z, p, significant) => {
    expect(compareNps(a, b)).toEqual({ difference, z, p, significant });
  });

  it('is symmetric in p and flips the sign of z and the difference', () => {
    const forward = compareNps(counts(40, 30, 30), counts(60, 25, 15));
    const backward = compareNps(counts(60, 25, 15), counts(40, 30, 30));
    expect(backward.z).toBe(-(forward.z as number));
    expect(backward.difference).toBe(-(forward.difference as number));
    expect(backward.p).toBe(forward.p);
  });

  it('cannot compare an empty side', () => {
    expect(compareNps(counts(0, 0, 0), counts(1, 0, 0))).toEqual({ difference: null, z: null, p: null, significant: false });
  });
});

describe('twoSidedP', () => {
  it.each([
    [0, 1],
    [1.959963984540054, 0.05],
    [2.5758293035489, 0.01],
    [-1.6448536269514722, 0.1],
  ])('z = %d gives p ≈ %d', (z, p) => {
    expect(twoSidedP(z)).toBeCloseTo(p, 6);
  });
});

describe('countsFromDistribution', () => {
  it('groups the 0–10 counts', () => {
    expect(countsFromDistribution([1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 3])).toEqual(counts(6, 4, 7));
  });
});
