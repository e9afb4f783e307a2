/** How a stored response is shown in the API and in exports. */
import type { Metric } from '@npsloop/core';
import type { StoredResponse } from '../db/repositories/response-reads.ts';

/** Field names in API and export order. */
export const RESPONSE_FIELDS = [
  'id', 'surveyId', 'score', 'metric', 'comment', 'consent', 'userId', 'email', 'touchpoint', 'channel',
  'journey', 'locale', 'page', 'device', 'properties', 'createdAt', 'updatedAt',
] as const;

/** A stored response in API field names, with its survey's metric (the scale of its score) and times as ISO 8601. */
export function responseView(response: StoredResponse, metric: Metric) {
  return {
    id: response.id,
    surveyId: response.surveyId,
    score: response.score,
    metric,
    comment: response.comment,
    consent: response.consent,
    userId: response.userId,
    email: response.email,
    touchpoint: response.touchpoint,
    channel: response.channel,
    journey: response.journey,
    locale: response.locale,
    page: response.page,
    device: response.device,
    properties: response.properties,
    createdAt: new Date(response.createdAt).toISOString(),
    updatedAt: new Date(response.updatedAt).toISOString(),
  };
}

/** The API view of a response. */
export type ResponseView = ReturnType<typeof responseView>;
