/** Maps stored `responses` and `events` rows to the facts rollups count. */
import type { EventFacts, ResponseFacts } from './rollup-delta.ts';

/** The `responses` columns rollups read (`excluded` once the close-the-loop migration adds it). */
export interface ResponseFactsRow {
  survey_id: string;
  score: number;
  comment: string | null;
  touchpoint: string | null;
  channel: string | null;
  locale: string | null;
  journey: string | null;
  created_at: number;
  excluded?: number | null;
}

/** The `events` columns rollups read. */
export interface EventFactsRow {
  survey_id: string;
  type: string;
  touchpoint: string | null;
  channel: string | null;
  locale: string | null;
  created_at: number;
}

/** The facts of a stored response row. */
export function responseFacts(row: ResponseFactsRow): ResponseFacts {
  return {
    surveyId: row.survey_id,
    createdAt: row.created_at,
    score: row.score,
    hasComment: row.comment !== null,
    excluded: Boolean(row.excluded),
    touchpoint: row.touchpoint,
    channel: row.channel,
    locale: row.locale,
    journey: row.journey,
  };
}

/** The facts of a stored event row, or null for a type rollups do not count. */
export function eventFacts(row: EventFactsRow): EventFacts | null {
  if (row.type !== 'shown' && row.type !== 'dismissed') return null;
  return { surveyId: row.survey_id, createdAt: row.created_at, type: row.type, touchpoint: row.touchpoint, channel: row.channel, locale: row.locale };
}
