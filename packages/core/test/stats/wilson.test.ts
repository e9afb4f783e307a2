import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../../src/index.js';

describe('wilsonInterval (95%, no continuity correction)', () => {
  // Newcombe (1998), "Two-sided confidence intervals for the single proportion", Table II, method 3.
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('%d/%d gives [%d, %d] (Newcombe 1998)', (successes, n, low, high) => {
    const interval = wilsonInterval(successes, n);
    expect(interval?.low).toBeCloseTo(low, 4);
    expect(interval?.high).toBeCloseTo(high, 4);
  });

  it('mirrors: x/n gives 1 − the bounds of (n − x)/n', () => {
    const interval = wilsonInterval(29, 29);
    expect(interval).toEqual({ low: expect.closeTo(1 - 0.1170, 4), high: 1 });
    const other = wilsonInterval(248, 263);
    const mirrored = wilsonInterval(15, 263);
    expect(other?.low).toBeCloseTo(1 - (mirrored?.high ?? 0), 12);
  });

  it('is null without answers and refuses impossible counts', () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(() => wilsonInterval(5, 4)).toThrow(RangeError);
  });
});
