/** Before and after a done action, pure: the two windows, the figures on each side and whether each change is significant. */
import { benjaminiHochberg, compareMetric, metricFigure, roundOneDecimal, twoProportionZTest, wilsonInterval, type Metric } from '@npsloop/core';

const DAY_MS = 86_400_000;

/** A time span `[from, to)` in UTC ms. */
export interface Span {
  from: number;
  to: number;
}

/**
 * The windows an action is measured over: the `days` before it was made (the problem as the team saw it) and the
 * `days` from when it was done, cut at `now` while that window is still running.
 */
export function effectWindows(action: { createdAt: number; doneAt: number }, days: number, now: number): { before: Span; after: Span } {
  return {
    before: { from: action.createdAt - days * DAY_MS, to: action.createdAt },
    after: { from: action.doneAt, to: Math.max(action.doneAt, Math.min(action.doneAt + days * DAY_MS, now)) },
  };
}

/** A theme's share of the answers in a window: `mentions` of `n` answers mention it, in percent with Wilson's 95% interval. */
export function themeShare(mentions: number, n: number) {
  const interval = wilsonInterval(mentions, n);
  return {
    n, mentions, percent: n === 0 ? null : roundOneDecimal((mentions / n) * 100),
    interval: interval && { low: roundOneDecimal(interval.low * 100), high: roundOneDecimal(interval.high * 100), level: 0.95 as const, method: 'wilson' as const },
  };
}

/** One thing measured before and after: a touchpoint's figure of the survey's metric, or a theme's share of answers. */
export type EffectInput =
  | { subject: 'touchpoint'; touchpoint: string; metric: Metric; before: readonly number[]; after: readonly number[] }
  | { subject: 'theme'; theme: string; touchpoint: string | null; before: { mentions: number; n: number }; after: { mentions: number; n: number } };

/** The change from before to after: after − before (in the figure's unit: points, or percentage points of share), the test's p, BH's q. */
export interface EffectChange {
  difference: number | null;
  test: 'two-sample-z' | 'two-proportion-z' | 'welch-t';
  p: number | null;
  q: number | null;
  significant: boolean;
}

function rawTest(input: EffectInput): { difference: number | null; test: EffectChange['test']; p: number | null } {
  if (input.subject === 'touchpoint') {
    const comparison = compareMetric(input.metric, input.before, input.after);
    return { difference: comparison.difference, test: comparison.test, p: comparison.p };
  }
  const { before, after } = input;
  const tested = twoProportionZTest(before.mentions, before.n, after.mentions, after.n);
  const difference = before.n > 0 && after.n > 0 ? roundOneDecimal((after.mentions / after.n - before.mentions / before.n) * 100) : null;
  return { difference, test: 'two-proportion-z', p: tested && Math.round(tested.p * 10_000) / 10_000 };
}

/**
 * Each input's figures before and after and its change, significance corrected over all of the action's inputs
 * (Benjamini–Hochberg at 5 %), so an action with several themes does not show a change by chance.
 */
export function beforeAfter(inputs: readonly EffectInput[], alpha = 0.05) {
  const tests = inputs.map(rawTest);
  const correction = benjaminiHochberg(tests.map((test) => test.p), alpha);
  const effects = inputs.map((input, index) => {
    const change: EffectChange = {
      ...tests[index],
      q: correction.qValues[index] === null ? null : Math.round(correction.qValues[index]! * 10_000) / 10_000,
      significant: correction.significant[index],
    };
    return input.subject === 'touchpoint'
      ? { subject: input.subject, touchpoint: input.touchpoint, theme: null, before: metricFigure(input.metric, input.before), after: metricFigure(input.metric, input.after), change }
      : { subject: input.subject, touchpoint: input.touchpoint, theme: input.theme, before: themeShare(input.before.mentions, input.before.n), after: themeShare(input.after.mentions, input.after.n), change };
  });
  return { effects, multipleComparisons: { method: correction.method, alpha, tests: correction.tests } };
}
