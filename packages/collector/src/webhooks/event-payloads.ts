/** The `{ type, timestamp, data }` bodies of webhook events, built from what is stored. */
import { scoreGroup } from '@npsloop/core';
import type { Repositories } from '../db/transaction-context.ts';
import type { StoredResponse } from '../db/repositories/response-reads.ts';
import type { DeliveryType, WebhookEvent } from '../db/repositories/webhook-repository.ts';
import { isContactable } from '../loops/loop-state.ts';
import { loopView } from '../loops/loop-view.ts';

/** The serialized body of one event. */
export function eventBody(type: DeliveryType, occurredAt: number, data: unknown): string {
  return JSON.stringify({ type, timestamp: new Date(occurredAt).toISOString(), data });
}

/** A stored response as events carry it; contact details only when the respondent agreed to be contacted. */
export function responseEventData(response: StoredResponse) {
  const contactable = isContactable(response);
  return {
    id: response.id, surveyId: response.surveyId, score: response.score, group: scoreGroup(response.score), comment: response.comment,
    consent: response.consent, contactable, contact: contactable ? { email: response.email, userId: response.userId } : null,
    touchpoint: response.touchpoint, channel: response.channel, journey: response.journey, locale: response.locale, page: response.page,
    device: response.device, properties: response.properties,
    createdAt: new Date(response.createdAt).toISOString(), updatedAt: new Date(response.updatedAt).toISOString(),
  };
}

/** The repositories event bodies are read with (the database's, or an ingest job's transaction). */
export type PayloadSource = Pick<Repositories, 'responses' | 'loops'>;

/** The body of a `response.*` event for a stored response; null when it no longer exists (erased). */
export async function responsePayload(source: PayloadSource, type: WebhookEvent, responseId: string, occurredAt: number): Promise<string | null> {
  const response = await source.responses.get(responseId);
  return response ? eventBody(type, occurredAt, { response: responseEventData(response) }) : null;
}

/** The body of a `loop.*` event: the loop as the API shows it, with its response's comment as it is now; null when the loop is gone. */
export async function loopPayload(source: PayloadSource, type: WebhookEvent, responseId: string, occurredAt: number, now: number): Promise<string | null> {
  const loop = await source.loops.get(responseId);
  if (!loop) return null;
  return eventBody(type, occurredAt, { loop: loopView(loop, (await source.loops.settings.get(loop.surveyId)).slaHours, now) });
}
