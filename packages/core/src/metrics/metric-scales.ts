/** What a survey measures: Net Promoter Score, customer satisfaction or customer effort. */
export type Metric = 'nps' | 'csat' | 'ces';

/** Every metric, the default first (usable as a zod enum). */
export const METRICS = ['nps', 'csat', 'ces'] as const satisfies readonly Metric[];

/** A survey measures NPS unless it says otherwise. */
export const DEFAULT_METRIC: Metric = 'nps';

/** The integer points a metric's answers can take, both ends included. */
export interface MetricScale {
  lowest: number;
  highest: number;
}

/** NPS 0–10, CSAT 1–5, CES 1–7. */
export const METRIC_SCALES: Record<Metric, MetricScale> = {
  nps: { lowest: 0, highest: 10 },
  csat: { lowest: 1, highest: 5 },
  ces: { lowest: 1, highest: 7 },
};

/** Each metric's answer groups in English, plural, for texts the collector writes (the API calls them detractor/passive/promoter on every scale). */
export const METRIC_GROUP_WORDS: Record<Metric, Record<'detractor' | 'passive' | 'promoter', string>> = {
  nps: { detractor: 'detractors', passive: 'passives', promoter: 'promoters' },
  csat: { detractor: 'dissatisfied customers', passive: 'neutral customers', promoter: 'satisfied customers' },
  ces: { detractor: 'customers who disagree', passive: 'neutral customers', promoter: 'customers who agree' },
};

/** The metric's name as people write it. */
export const METRIC_NAMES: Record<Metric, string> = { nps: 'NPS', csat: 'CSAT', ces: 'CES' };

/** Default loop threshold: answers at or below it open a loop (detractors 0–6, CSAT 1–2, CES 1–3). */
export const DEFAULT_LOOP_THRESHOLDS: Record<Metric, number> = { nps: 6, csat: 2, ces: 3 };

/** True for one of the metric names. */
export function isMetric(value: unknown): value is Metric {
  return typeof value === 'string' && (METRICS as readonly string[]).includes(value);
}

/** How many points the metric's scale has (11, 5, 7): the length of its distribution. */
export function scalePointCount(metric: Metric): number {
  const { lowest, highest } = METRIC_SCALES[metric];
  return highest - lowest + 1;
}

/** Every point of the metric's scale, lowest first. */
export function scalePoints(metric: Metric): number[] {
  const { lowest } = METRIC_SCALES[metric];
  return Array.from({ length: scalePointCount(metric) }, (_, index) => lowest + index);
}

/** True for an integer on the metric's scale. */
export function isScoreOnScale(metric: Metric, score: unknown): score is number {
  const { lowest, highest } = METRIC_SCALES[metric];
  return Number.isInteger(score) && (score as number) >= lowest && (score as number) <= highest;
}

/**
 * Null for a score on the metric's scale, else the rule it breaks, naming the range, for a 400:
 * `must be an integer from 1 to 5 (the survey measures CSAT)`.
 */
export function scoreRangeProblem(metric: Metric, score: unknown): string | null {
  if (isScoreOnScale(metric, score)) return null;
  const { lowest, highest } = METRIC_SCALES[metric];
  return `must be an integer from ${lowest} to ${highest} (the survey measures ${METRIC_NAMES[metric]})`;
}

/**
 * The metric's distribution (counts per scale point, lowest first) from counts indexed by score
 * 0–10, as rollups keep them. Scores are validated on the way in and a survey's metric cannot
 * change once it has answers, so nothing is counted off the scale.
 */
export function distributionOnScale(metric: Metric, countsByScore: readonly number[]): number[] {
  const { lowest, highest } = METRIC_SCALES[metric];
  return Array.from({ length: highest - lowest + 1 }, (_, index) => countsByScore[lowest + index] ?? 0);
}

/** Throws unless the distribution has one non-negative integer count per point of the metric's scale. */
export function assertDistribution(metric: Metric, distribution: readonly number[]): void {
  const points = scalePointCount(metric);
  if (distribution.length !== points) {
    throw new RangeError(`a ${METRIC_NAMES[metric]} distribution has ${points} counts (one per scale point), got ${distribution.length}`);
  }
  if (!distribution.every((count) => Number.isInteger(count) && count >= 0)) {
    throw new RangeError(`distribution counts must be non-negative integers, got [${distribution.join(', ')}]`);
  }
}
