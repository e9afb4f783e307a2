/** The `{ type, timestamp, data }` bodies of webhook events, built from what is stored. */
import type { Database } from 'better-sqlite3';
import { scoreGroup } from '@npsloop/core';
import { isContactable } from '../loops/loop-state.ts';
import type { LoopStore } from '../db/repositories/loop-repository.ts';
import type { ResponseRow } from '../db/repositories/response-writer.ts';
import type { WebhookEvent } from '../db/repositories/webhook-repository.ts';

/** The serialized body of one event. */
export function eventBody(type: WebhookEvent, occurredAt: number, data: unknown): string {
  return JSON.stringify({ type, timestamp: new Date(occurredAt).toISOString(), data });
}

/** A stored response as events carry it; contact details only when the respondent agreed to be contacted. */
export function responseEventData(row: ResponseRow) {
  const contactable = isContactable(row);
  return {
    id: row.id, surveyId: row.survey_id, score: row.score, group: scoreGroup(row.score), comment: row.comment,
    consent: row.consent === null ? null : row.consent === 1, contactable,
    contact: contactable ? { email: row.email, userId: row.user_id } : null,
    touchpoint: row.touchpoint, channel: row.channel, journey: row.journey, locale: row.locale, page: row.page, device: row.device,
    properties: row.properties === null ? null : (JSON.parse(row.properties) as Record<string, unknown>),
    createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Builds event bodies from the database; null when the subject no longer exists (erased). */
export function createPayloadBuilder(db: Database, loops: LoopStore) {
  const selectResponse = db.prepare<[string], ResponseRow>('SELECT * FROM responses WHERE id = ?');
  return {
    /** The body of a `response.*` event for a stored response. */
    response(type: WebhookEvent, responseId: string, occurredAt: number): string | null {
      const row = selectResponse.get(responseId);
      return row ? eventBody(type, occurredAt, { response: responseEventData(row) }) : null;
    },
    /** The body of a `loop.*` event: the loop as the API shows it, with its response's comment as it is now. */
    loop(type: WebhookEvent, responseId: string, occurredAt: number, now: number): string | null {
      const loop = loops.getLoop(responseId, now);
      if (!loop) return null;
      const { notes: _notes, ...rest } = loop;
      return eventBody(type, occurredAt, { loop: rest });
    },
  };
}

/** The payload builder's interface. */
export type PayloadBuilder = ReturnType<typeof createPayloadBuilder>;
