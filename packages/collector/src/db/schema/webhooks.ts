/** Webhook tables: the endpoints and their outbox. */
import type { Generated } from 'kysely';

/** `webhooks`: endpoints with their signing secret. */
export interface WebhooksTable {
  id: string;
  url: string;
  events: string;
  survey_id: string | null;
  description: string | null;
  secret: string;
  /** `standard` (Standard Webhooks JSON) or `slack` (a chat message `{ text, blocks }`). */
  format: 'standard' | 'slack';
  created_at: number;
  /** When the webhook was paused; null while it delivers (migration 8). */
  paused_at: number | null;
  /** The huddle digest's schedule as JSON (`{ weekday, time, timeZone, days }`), when the webhook gets `huddle.digest` (migration 9). */
  digest_schedule: Generated<string | null>;
  /** When the next digest is due (epoch ms; migration 9). */
  digest_due_at: Generated<number | null>;
}

/** `webhook_deliveries`: the outbox and delivery log. */
export interface WebhookDeliveriesTable {
  id: string;
  webhook_id: string;
  type: string;
  subject_id: string | null;
  payload: string | null;
  state: 'pending' | 'succeeded' | 'failed';
  attempts: Generated<number>;
  next_attempt_at: number | null;
  last_attempt_at: number | null;
  last_status: number | null;
  last_error: string | null;
  created_at: number;
  delivered_at: number | null;
}
