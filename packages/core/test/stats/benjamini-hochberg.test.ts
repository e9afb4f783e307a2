import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../src/index.js';

// Benjamini & Hochberg (1995), section 4.1: the 15 p-values of the myocardial infarction study.
const PAPER_P_VALUES = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];

describe('benjaminiHochberg', () => {
  it('rejects the four hypotheses of the paper at q* = 0.05 (Bonferroni would keep three)', () => {
    const correction = benjaminiHochberg(PAPER_P_VALUES);
    expect(correction.significant).toEqual([true, true, true, true, ...Array(11).fill(false)]);
    expect(correction.method).toBe('benjamini-hochberg');
    expect(correction.tests).toBe(15);
    expect(PAPER_P_VALUES.filter((p) => p <= 0.05 / 15)).toHaveLength(3);
  });

  it('gives the adjusted p-values of R p.adjust(method = "BH"), computed here by the definition', () => {
    const m = PAPER_P_VALUES.length;
    // Second method: q_i = min over j ≥ i of p_j · m / j, straight from the definition (input already sorted).
    const byDefinition = PAPER_P_VALUES.map((_, i) => Math.min(1, ...PAPER_P_VALUES.slice(i).map((p, k) => (p * m) / (i + k + 1))));
    const { qValues } = benjaminiHochberg(PAPER_P_VALUES);
    qValues.forEach((q, index) => expect(q).toBeCloseTo(byDefinition[index], 12));
    expect(qValues.slice(0, 5).map((q) => Math.round((q ?? 0) * 10000) / 10000)).toEqual([0.0015, 0.003, 0.0095, 0.0356, 0.0603]);
  });

  it('keeps the input order, skips untested rows and does not count them', () => {
    const correction = benjaminiHochberg([0.04, null, 0.01, 0.03]);
    expect(correction.tests).toBe(3);
    expect(correction.qValues).toEqual([0.04, null, 0.03, 0.04]);
    expect(correction.significant).toEqual([true, false, true, true]);
  });

  it('twenty touchpoints with chance-level p-values yield nothing significant', () => {
    const chance = [0.03, 0.2, 0.41, 0.77, 0.12, 0.55, 0.9, 0.33, 0.61, 0.08, 0.47, 0.69, 0.26, 0.95, 0.38, 0.15, 0.84, 0.5, 0.72, 0.05];
    expect(chance.filter((p) => p < 0.05)).toHaveLength(1);
    expect(benjaminiHochberg(chance).significant.some(Boolean)).toBe(false);
  });

  it('handles an empty list and refuses p-values outside [0, 1]', () => {
    expect(benjaminiHochberg([])).toEqual({ method: 'benjamini-hochberg', alpha: 0.05, tests: 0, qValues: [], significant: [] });
    expect(() => benjaminiHochberg([0.2, 1.5])).toThrow(RangeError);
  });
});
