import { describe, expect, it } from 'vitest';
import { keyDrivers, themeImpact, type DriverAnswer } from '../../src/themes/key-drivers.ts';

/** A small seeded generator (mulberry32), so every run draws the same answers. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** NPS of a list of scores, written out from the definition. */
function npsOfScores(scores: readonly number[]): number {
  const promoters = scores.filter((score) => score >= 9).length;
  const detractors = scores.filter((score) => score <= 6).length;
  return (100 * (promoters - detractors)) / scores.length;
}

/**
 * The second computation of the interval: the delta method by numeric
 * differentiation over the six cells (mentions it or not × group), with the
 * multinomial covariance matrix, on the same adjusted-Wald counts (3/4 to
 * promoters and detractors, 3/2 to passives, of each sample).
 */
function secondInterval(mentioning: number[], others: number[]): { low: number; high: number } {
  const cells = [mentioning[0] + 0.75, mentioning[1] + 1.5, mentioning[2] + 0.75, others[0] + 0.75, others[1] + 1.5, others[2] + 0.75];
  const total = cells.reduce((sum, cell) => sum + cell, 0);
  const shares = cells.map((cell) => cell / total);
  // impact(p) = NPS of all − NPS of the others, as shares of the six cells [promoters, passives, detractors] × [mentioning, others].
  const impact = (p: number[]) => (p[0] + p[3] - p[2] - p[5]) / p.reduce((a, b) => a + b, 0) - (p[3] - p[5]) / (p[3] + p[4] + p[5]);
  const step = 1e-6;
  const gradient = shares.map((_, cell) => {
    const up = shares.map((share, index) => (index === cell ? share + step : share));
    const down = shares.map((share, index) => (index === cell ? share - step : share));
    return (impact(up) - impact(down)) / (2 * step);
  });
  let variance = 0;
  for (let a = 0; a < 6; a++) {
    for (let b = 0; b < 6; b++) variance += gradient[a] * gradient[b] * ((a === b ? shares[a] : 0) - shares[a] * shares[b]);
  }
  const margin = 1.959963984540054 * Math.sqrt(variance / total);
  const centre = impact(shares);
  return { low: (centre - margin) * 100, high: (centre + margin) * 100 };
}

/** Answers drawn at random: each mentions each theme with its own chance, and themes pull scores down or up. */
function drawAnswers(seed: number, count: number): DriverAnswer[] {
  const next = random(seed);
  const themes = [{ name: 'slow delivery', chance: 0.2, pull: -4 }, { name: 'friendly staff', chance: 0.15, pull: 2 }, { name: 'price', chance: 0.3, pull: -1 }];
  return Array.from({ length: count }, () => {
    const mentioned = themes.filter((theme) => next() < theme.chance);
    const pull = mentioned.reduce((sum, theme) => sum + theme.pull, 0);
    const score = Math.max(0, Math.min(10, Math.round(7 + pull + (next() - 0.5) * 6)));
    return { score, themes: mentioned.map((theme) => theme.name) };
  });
}

const groupsOf = (scores: readonly number[]) => [
  scores.filter((score) => score >= 9).length, scores.filter((score) => score === 7 || score === 8).length, scores.filter((score) => score <= 6).length,
];

describe('key drivers', () => {
  it.each([1, 2, 3])('agree with a second computation on random answers (seed %i)', (seed) => {
    const answers = [...drawAnswers(seed, 300), ...Array.from({ length: 40 }, () => ({ score: 8, themes: [] }))];
    const drivers = keyDrivers(answers);
    expect(drivers.map((driver) => driver.theme).sort()).toEqual(['friendly staff', 'price', 'slow delivery']);
    for (const driver of drivers) {
      const mentioning = answers.filter((answer) => answer.themes.includes(driver.theme)).map((answer) => answer.score);
      const others = answers.filter((answer) => !answer.themes.includes(driver.theme)).map((answer) => answer.score);
      const all = answers.map((answer) => answer.score);
      expect(driver.n).toBe(mentioning.length);
      expect(driver.nps).toBeCloseTo(npsOfScores(mentioning), 1);
      expect(driver.impact).toBeCloseTo(npsOfScores(all) - npsOfScores(others), 1);
      const second = secondInterval(groupsOf(mentioning), groupsOf(others));
      expect(driver.interval!.low).toBeCloseTo(second.low, 1);
      expect(driver.interval!.high).toBeCloseTo(second.high, 1);
    }
  });

  it('puts the theme that holds the score back most first', () => {
    const drivers = keyDrivers(drawAnswers(7, 500));
    expect(drivers.map((driver) => driver.theme)).toEqual(['slow delivery', 'price', 'friendly staff']);
    expect(drivers[0].impact).toBeLessThan(0);
    expect(drivers[0].interval!.high).toBeLessThan(0);
    expect(drivers[2].impact).toBeGreaterThan(0);
  });

  it('reads impact as the weight of the theme times the gap: w · (NPS mentioning − NPS not)', () => {
    // 10 answers mention it (NPS −60), 30 do not (NPS +40): NPS of all is 15, so impact = 15 − 40 = −25 = 0.25 · (−60 − 40).
    const answers = [
      ...[0, 1, 2, 3, 4, 5, 6, 6, 9, 10].map((score) => ({ score, themes: ['checkout'] })),
      ...Array.from({ length: 30 }, (_, index) => ({ score: index < 15 ? 10 : index < 18 ? 3 : 8, themes: [] })),
    ];
    expect(keyDrivers(answers)).toEqual([{ theme: 'checkout', n: 10, nps: -60, impact: -25, interval: expect.objectContaining({ level: 0.95, method: 'delta-adjusted-wald' }) }]);
  });

  it('has no impact for a theme every answer mentions, and leaves out themes below the minimum', () => {
    const answers = [9, 10, 3, 8, 7].map((score, index) => ({ score, themes: index < 2 ? ['app', 'everything'] : ['everything'] }));
    expect(keyDrivers(answers, { minMentions: 2 })).toEqual([
      expect.objectContaining({ theme: 'app', n: 2, nps: 100 }),
      { theme: 'everything', n: 5, nps: 20, impact: null, interval: null },
    ]);
    expect(keyDrivers(answers).map((driver) => driver.theme)).toEqual(['everything']);
    expect(themeImpact({ promoters: 0, passives: 0, detractors: 0 }, { promoters: 3, passives: 0, detractors: 0 })).toEqual({ impact: null, interval: null });
  });

  it('gives 95% intervals that hold the true impact about 95% of the time', () => {
    // The population: 25% mention the theme and score far lower, so both the gap and the theme's share vary between samples.
    const next = random(42);
    const draw = () => {
      const mentions = next() < 0.25;
      const u = next();
      const score = mentions ? (u < 0.6 ? 2 : u < 0.8 ? 7 : 9) : u < 0.15 ? 4 : u < 0.45 ? 8 : 10;
      return { score, themes: mentions ? ['slow delivery'] : [] };
    };
    // True values: NPS mentioning = 20 − 60 = −40, others = 55 − 15 = 40, impact = 0.25 · (−40 − 40) = −20.
    const trueImpact = -20;
    let covered = 0;
    const samples = 2000;
    for (let sample = 0; sample < samples; sample++) {
      const [driver] = keyDrivers(Array.from({ length: 200 }, draw), { minMentions: 1 });
      if (driver.interval!.low <= trueImpact && trueImpact <= driver.interval!.high) covered++;
    }
    expect(covered / samples).toBeGreaterThan(0.93);
    expect(covered / samples).toBeLessThan(0.975);
  });
});
