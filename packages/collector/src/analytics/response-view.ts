/** How a stored response row is shown in the API and in exports. */
import type { ResponseRow } from '../db/repositories/response-writer.ts';

/** A stored response row, as the write path defines it. */
export type StoredResponse = ResponseRow;

/** Field names in API and export order. */
export const RESPONSE_FIELDS = [
  'id', 'surveyId', 'score', 'comment', 'consent', 'userId', 'email', 'touchpoint', 'channel',
  'journey', 'locale', 'page', 'device', 'properties', 'createdAt', 'updatedAt',
] as const;

/** A stored row in API field names, with times as ISO 8601 and properties parsed. */
export function responseView(row: StoredResponse) {
  return {
    id: row.id,
    surveyId: row.survey_id,
    score: row.score,
    comment: row.comment,
    consent: row.consent === null ? null : row.consent === 1,
    userId: row.user_id,
    email: row.email,
    touchpoint: row.touchpoint,
    channel: row.channel,
    journey: row.journey,
    locale: row.locale,
    page: row.page,
    device: row.device,
    properties: row.properties === null ? null : (JSON.parse(row.properties) as Record<string, string | number | boolean>),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** The API view of a response. */
export type ResponseView = ReturnType<typeof responseView>;
