/** The API shapes of the settings area (webhooks and their deliveries, privacy, API keys), as the collector documents them. */
import type { ApiKey, CreatedKey } from '@npsloop/core';

// An API key's wire types are shared with the collector, in @npsloop/core.
export type { ApiKey, CreatedKey };

/** A webhook as `GET /v1/webhooks` lists it (never its secret). */
export interface Webhook {
  id: string;
  url: string;
  events: WebhookEvent[];
  surveyId: string | null;
  description: string | null;
  /** `standard` (Standard Webhooks JSON) or `slack` (a chat message). */
  format?: 'standard' | 'slack';
  /** When the huddle digest is posted, for a webhook that gets `huddle.digest`. */
  digest?: DigestSchedule | null;
  nextDigestAt?: string | null;
  createdAt: string;
  /** Paused: nothing new is queued for it and its pending deliveries wait. */
  paused: boolean;
  pausedAt: string | null;
}

/** A webhook's huddle-digest schedule: a weekday and local time in a time zone, covering the `days` days before. */
export interface DigestSchedule {
  weekday: string;
  time: string;
  timeZone: string;
  days: number;
}

/** The events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = ['response.created', 'response.updated', 'loop.opened', 'loop.overdue', 'huddle.digest'] as const;

/** One webhook event type. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** One entry of a webhook's delivery log: an event, or a test message (`webhook.test`). */
export interface Delivery {
  id: string;
  type: WebhookEvent | 'webhook.test';
  state: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  nextAttemptAt: string | null;
  lastAttemptAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
}

/** What `DELETE /v1/respondents` reports. */
export interface Erasure {
  responses: number;
  loops: number;
  notes: number;
  actionLinks: number;
  webhookDeliveries: number;
}

/** What `GET /v1/privacy` says about retention: days, or null when nothing is cleared by age; where it comes from; what is stored. */
export interface PrivacySettings {
  retentionDays: number | null;
  /** `flag`: set when the collector started, and it wins; `setting`: set here or through the API; `off`: neither. */
  source: 'flag' | 'setting' | 'off';
  /** The period set here or through the API (null: none). */
  stored: number | null;
}
