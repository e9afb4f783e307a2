import type { EventPayload, Properties, ResponsePayload, SurveyEventType } from '@npsloop/core';
import type { DeviceClass } from '@npsloop/core';

/** Where an answer was given: the fields responses and events share. */
export interface AnswerContext {
  surveyId: string;
  touchpoint?: string;
  channel: EventPayload['channel'];
  locale: string;
  page: string;
}

/** What the visitor has answered so far in one showing of the survey. */
export interface Answer {
  /** The response id, made in the browser: every body for this answer carries it. */
  id: string;
  score?: number;
  comment?: string;
  consent?: boolean;
  /** Typed into the consent step; sent only with consent. */
  email?: string;
}

/** The visitor as the site identified them, already cleaned. */
export interface Visitor {
  userId?: string;
  email?: string;
  properties?: Properties;
}

/**
 * The body of `POST /v1/responses`: the whole answer so far with its context,
 * so a later body can replace an earlier one. An email travels only with consent.
 */
export function responsePayload(answer: Answer, context: AnswerContext, visitor: Visitor, journey: string | undefined, device: DeviceClass): ResponsePayload {
  const email = answer.consent ? visitor.email ?? answer.email : undefined;
  return {
    id: answer.id,
    ...context,
    journey,
    score: answer.score!,
    comment: answer.comment,
    consent: answer.consent,
    respondent: visitor.userId || email ? { userId: visitor.userId, email } : undefined,
    device,
    properties: visitor.properties,
  };
}

/** The body of `POST /v1/events`. */
export function eventPayload(id: string, type: SurveyEventType, context: AnswerContext): EventPayload {
  return { id, type, ...context };
}
