/** DDL for webhooks: endpoints with their signing secret, and every delivery (pending ones survive a restart). */

/** Deliveries are the outbox: a pending row is sent, retried with backoff, and kept as the delivery log. */
export const WEBHOOK_SCHEMA_SQL = `
CREATE TABLE webhooks (
  id TEXT PRIMARY KEY,
  url TEXT NOT NULL,
  events TEXT NOT NULL,
  survey_id TEXT REFERENCES surveys(id),
  description TEXT,
  secret TEXT NOT NULL,
  created_at INTEGER NOT NULL
) STRICT;
CREATE TABLE webhook_deliveries (
  id TEXT PRIMARY KEY,
  webhook_id TEXT NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
  type TEXT NOT NULL,
  subject_id TEXT,
  payload TEXT,
  state TEXT NOT NULL CHECK (state IN ('pending', 'succeeded', 'failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER,
  last_attempt_at INTEGER,
  last_status INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  delivered_at INTEGER
) STRICT;
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'pending';
CREATE INDEX webhook_deliveries_by_webhook ON webhook_deliveries (webhook_id, created_at);
CREATE INDEX webhook_deliveries_by_subject ON webhook_deliveries (subject_id);
`;
