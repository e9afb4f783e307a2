import { describe, expect, it } from 'vitest';
import { bandPath, linearScale, linePath, niceTicks, npsDomain } from '../src/scales.ts';

describe('linearScale', () => {
  it('maps the domain onto the range, inverted axes included', () => {
    const y = linearScale([-100, 100], [200, 0]);
    expect([y(-100), y(0), y(100), y(50)]).toEqual([200, 100, 0, 50]);
  });
  it('puts everything in the middle when the domain has no width', () => {
    expect(linearScale([5, 5], [0, 10])(5)).toBe(5);
  });
});

describe('niceTicks', () => {
  it.each([
    [-100, 100, 4, [-100, -50, 0, 50, 100]],
    [-20, 60, 4, [-20, 0, 20, 40, 60]],
    [0, 7, 5, [0, 2, 4, 6]],
    [3, 3, 5, [3]],
  ])('%s…%s in about %s steps', (min, max, count, ticks) => expect(niceTicks(min, max, count)).toEqual(ticks));
});

describe('npsDomain', () => {
  it.each([
    [[], [-100, 100]],
    [[12, 48], [0, 60]],
    [[-97, 99], [-100, 100]],
    [[20, 20], [10, 30]],
  ])('%j → %j', (values, domain) => expect(npsDomain(values)).toEqual(domain));
});

describe('paths', () => {
  it('breaks the line at gaps (empty buckets are not zero)', () => {
    expect(linePath([{ x: 0, y: 10 }, { x: 1, y: 20 }, { x: 2, y: null }, { x: 3, y: 5 }])).toBe('M0,10L1,20M3,5');
  });
  it('closes one band per run of known intervals', () => {
    const band = bandPath([{ x: 0, low: 10, high: 2 }, { x: 1, low: 12, high: 4 }, { x: 2, low: null, high: null }, { x: 3, low: 8, high: 1 }]);
    expect(band).toBe('M0,2L1,4L1,12L0,10ZM3,1L3,8Z');
  });
});
