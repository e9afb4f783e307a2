/** The journey as one picture: every step's figures for a period beside the period before, significant moves marked over all of them. */
import { distributionOnScale, type Metric, type MetricFigure } from '@npsloop/core';
import type { Counters } from '../db/analytics/counters.ts';
import type { JourneyRecord } from '../db/repositories/journey-repository.ts';
import { figureOf } from '../analytics/figures.ts';
import { flagMixedChanges, type MultipleComparisons, type RowChange } from '../analytics/significance.ts';

/** What the report needs to know of a survey a step names. */
export interface StepSurvey {
  id: string;
  name: string;
  metric: Metric;
}

/** One survey's figure at one step, with the period before and the change from it. */
export type StepFigure = MetricFigure & {
  surveyId: string;
  surveyName: string;
  smallSample: boolean;
  previous: { n: number; score: number | null } | null;
  change: RowChange | null;
};

/** The report of one journey over one period. */
export interface JourneyReport {
  multipleComparisons: MultipleComparisons;
  steps: { position: number; name: string; touchpoint: string | null; journey: string | null; moved: boolean; figures: StepFigure[] }[];
}

/**
 * Builds the report from counters per step and survey (`counts[step][survey] = [this period, the period before]`).
 * Every step's figure is tested against its own previous period with its metric's test, and the p-values of all
 * figures are corrected together (Benjamini–Hochberg), so a journey of many steps does not mark one by chance.
 */
export function journeyReport(
  journey: JourneyRecord, surveys: ReadonlyMap<string, StepSurvey>, counts: readonly (readonly (readonly [Counters, Counters])[])[], minN: number,
): JourneyReport {
  const cells = journey.steps.flatMap((step, position) => step.surveys.map((surveyId, index) => {
    const survey = surveys.get(surveyId)!;
    const [now, before] = counts[position][index];
    return { position, survey, now: figureOf(survey.metric, now), before: figureOf(survey.metric, before), beforeCounts: before };
  }));
  const pairs = cells.map((cell) => (cell.before.n > 0 && cell.now.n > 0
    ? { metric: cell.survey.metric, before: distributionOnScale(cell.survey.metric, cell.beforeCounts.slice(0, 11)), after: cell.now.distribution }
    : null));
  const { changes, multipleComparisons } = flagMixedChanges(pairs);
  const figures = cells.map((cell, index): StepFigure & { position: number } => ({
    position: cell.position,
    surveyId: cell.survey.id,
    surveyName: cell.survey.name,
    ...cell.now,
    smallSample: cell.now.n < minN,
    previous: cell.before.n > 0 ? { n: cell.before.n, score: cell.before.score } : null,
    change: changes[index],
  }));
  return {
    multipleComparisons,
    steps: journey.steps.map((step, position) => {
      const own = figures.filter((figure) => figure.position === position).map(({ position: _position, ...figure }) => figure);
      return {
        position: position + 1, name: step.name, touchpoint: step.touchpoint ?? null, journey: step.journey ?? null,
        moved: own.some((figure) => figure.change?.significant === true), figures: own,
      };
    }),
  };
}
