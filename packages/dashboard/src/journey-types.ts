/** The journey API's shapes, as the collector documents them (/openapi.json). */
import type { MetricFigure, MultipleComparisons, RowChange } from './types.ts';

/** One step of a journey (`GET /v1/journeys`): a touchpoint or journey value and the surveys that measure it. */
export interface JourneyStepDefinition { name: string; touchpoint?: string; journey?: string; surveys: string[] }

/** A journey as `GET /v1/journeys` lists it. */
export interface JourneyDefinition { id: string; name: string; steps: JourneyStepDefinition[]; updatedAt?: string }

/** One survey's figure at one step of `GET /v1/journeys/:id/figures`. */
export type JourneyFigure = MetricFigure & {
  surveyId: string; surveyName: string; smallSample: boolean;
  previous: { n: number; score: number | null } | null; change: RowChange | null;
};

/** `GET /v1/journeys/:id/figures`: the journey over one period, each step against the period before. */
export interface JourneyFigures {
  journeyId: string; name: string; from: string; to: string; minN: number;
  multipleComparisons: MultipleComparisons;
  steps: { position: number; name: string; touchpoint: string | null; journey: string | null; moved: boolean; figures: JourneyFigure[] }[];
}
