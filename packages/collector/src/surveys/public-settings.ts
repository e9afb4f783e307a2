/** A survey's public settings for the widget: the scale to draw and its standard wording resolved, so the widget carries neither. */
import { METRIC_SCALES, SCALE_WORDING, scaleFollowUpGroup, type BuiltInLocale, type PublicScale } from '@npsloop/core';
import type { SurveyRecord } from '../db/repositories/survey-repository.ts';

/** The survey metric's scale, with where its follow-up groups begin. */
export function publicScale(metric: SurveyRecord['metric']): PublicScale {
  const { lowest, highest } = METRIC_SCALES[metric];
  const firstOf = (group: 'passive' | 'promoter') => {
    for (let score = lowest; score <= highest; score++) if (scaleFollowUpGroup(metric, score) === group) return score;
    return highest + 1;
  };
  return { lowest, highest, passiveFrom: firstOf('passive'), promoterFrom: firstOf('promoter') };
}

/**
 * The survey's wording per locale with, for CSAT and CES, the metric's standard question and end labels in every
 * built-in language beneath the survey's own overrides (NPS wording is built into the widget).
 */
export function publicWording(survey: Pick<SurveyRecord, 'metric' | 'wording'>): SurveyRecord['wording'] {
  if (survey.metric === 'nps') return survey.wording;
  const standard = SCALE_WORDING[survey.metric];
  const resolved: SurveyRecord['wording'] = { ...survey.wording };
  for (const locale of Object.keys(standard) as BuiltInLocale[]) resolved[locale] = { ...standard[locale], ...survey.wording[locale] };
  return resolved;
}

/** What `GET /v1/surveys/:id/public` answers for a survey. */
export function publicSettings(survey: SurveyRecord) {
  const { id, brand, followUp, sampling, resurveyDays, dismissDays, askConsent, active, metric } = survey;
  return { id, brand, wording: publicWording(survey), followUp, sampling, resurveyDays, dismissDays, askConsent, active, metric, scale: publicScale(metric) };
}
