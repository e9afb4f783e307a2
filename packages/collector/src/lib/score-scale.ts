/** The one check that a score fits its survey's scale, for every way answers come in (widget, hosted page, import). */
import { scoreRangeProblem, type Metric } from '@npsloop/core';
import { HttpError } from './errors.ts';

/** Throws 400 `invalid_request` naming the range when the score is not on the metric's scale (NPS 0–10, CSAT 1–5, CES 1–7). */
export function assertScoreOnScale(metric: Metric, score: number): void {
  const problem = scoreRangeProblem(metric, score);
  if (problem) throw new HttpError(400, 'invalid_request', `score: ${problem}`);
}
