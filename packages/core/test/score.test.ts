import { describe, expect, it } from 'vitest';
import { isValidScore, scoreGroup } from '../src/index.js';

describe('scoreGroup', () => {
  it.each([
    [0, 'detractor'], [3, 'detractor'], [6, 'detractor'],
    [7, 'passive'], [8, 'passive'],
    [9, 'promoter'], [10, 'promoter'],
  ] as const)('score %i is a %s', (score, group) => {
    expect(scoreGroup(score)).toBe(group);
  });

  it.each([-1, 11, 7.5, Number.NaN])('refuses %s', (score) => {
    expect(() => scoreGroup(score)).toThrow(RangeError);
    expect(isValidScore(score)).toBe(false);
  });
});
