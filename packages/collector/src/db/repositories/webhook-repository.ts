/** Webhook endpoints and their deliveries in SQLite: the outbox a restart never loses. */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { generateSecret } from '../../webhooks/signing.ts';

/** The events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = ['response.created', 'response.updated', 'loop.opened', 'loop.overdue'] as const;

/** One webhook event type. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

interface WebhookRow { id: string; url: string; events: string; survey_id: string | null; description: string | null; secret: string; created_at: number }

/** A delivery row as stored. */
export interface DeliveryRow {
  id: string; webhook_id: string; type: WebhookEvent; subject_id: string | null; payload: string | null;
  state: 'pending' | 'succeeded' | 'failed'; attempts: number; next_attempt_at: number | null; last_attempt_at: number | null;
  last_status: number | null; last_error: string | null; created_at: number; delivered_at: number | null;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

function webhookView(row: WebhookRow) {
  return { id: row.id, url: row.url, events: JSON.parse(row.events) as WebhookEvent[], surveyId: row.survey_id, description: row.description, createdAt: iso(row.created_at)! };
}

/** A webhook as listed: never its secret. */
export type WebhookView = ReturnType<typeof webhookView>;

/** A delivery as the delivery log shows it. */
export function deliveryView(row: DeliveryRow) {
  return {
    id: row.id, type: row.type, state: row.state, attempts: row.attempts, nextAttemptAt: iso(row.next_attempt_at),
    lastAttemptAt: iso(row.last_attempt_at), lastStatus: row.last_status, lastError: row.last_error,
    createdAt: iso(row.created_at)!, deliveredAt: iso(row.delivered_at),
  };
}

// Ingest asks for subscribers on every write: the (small) webhook list is cached per database until a webhook changes.
const subscriberCache = new WeakMap<Database, WebhookRow[]>();

/** Webhook and delivery storage on one database. */
export function createWebhookStore(db: Database) {
  const selectAll = db.prepare<[], WebhookRow>('SELECT * FROM webhooks ORDER BY created_at, id');
  const subscribers = () => subscriberCache.get(db) ?? subscriberCache.set(db, selectAll.all()).get(db)!;
  const selectOne = db.prepare<[string], WebhookRow>('SELECT * FROM webhooks WHERE id = ?');
  const insertDelivery = db.prepare(`INSERT INTO webhook_deliveries (id, webhook_id, type, subject_id, payload, state, next_attempt_at, created_at)
    VALUES (?, ?, ?, ?, ?, 'pending', ?, ?)`);

  return {
    /** Creates a webhook; the secret is returned here only. */
    create(input: { url: string; events: WebhookEvent[]; surveyId?: string; description?: string }, now: number): WebhookView & { secret: string } {
      const id = `wh_${randomBytes(8).toString('hex')}`;
      const secret = generateSecret();
      db.prepare('INSERT INTO webhooks (id, url, events, survey_id, description, secret, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, input.url, JSON.stringify([...new Set(input.events)]), input.surveyId ?? null, input.description ?? null, secret, now);
      subscriberCache.delete(db);
      return { ...webhookView(selectOne.get(id)!), secret };
    },
    /** Every webhook, oldest first. */
    list: (): WebhookView[] => selectAll.all().map(webhookView),
    /** One webhook, or undefined. */
    get(id: string): WebhookView | undefined {
      const row = selectOne.get(id);
      return row && webhookView(row);
    },
    /** Deletes a webhook and its deliveries; false when there was none. */
    remove(id: string): boolean {
      subscriberCache.delete(db);
      return db.prepare('DELETE FROM webhooks WHERE id = ?').run(id).changes > 0;
    },
    /** The URL and secret to deliver with. */
    target: (id: string) => db.prepare<[string], { url: string; secret: string }>('SELECT url, secret FROM webhooks WHERE id = ?').get(id),

    /**
     * Queues one delivery per webhook subscribed to the event (and to the survey). The body is built only
     * when someone subscribes; `null` defers it to the first attempt.
     */
    enqueue(type: WebhookEvent, event: { surveyId: string; subjectId: string | null; payload: () => string | null; dueAt: number }, now: number): number {
      const targets = subscribers().filter((row) => (JSON.parse(row.events) as string[]).includes(type) && (row.survey_id === null || row.survey_id === event.surveyId));
      if (targets.length === 0) return 0;
      const payload = event.payload();
      for (const row of targets) insertDelivery.run(`msg_${randomBytes(12).toString('base64url')}`, row.id, type, event.subjectId, payload, event.dueAt, now);
      return targets.length;
    },
    /** Pending deliveries due at `now`, oldest due first. */
    due: (now: number, limit: number): DeliveryRow[] => db.prepare<[number, number], DeliveryRow>(
      "SELECT * FROM webhook_deliveries WHERE state = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at, rowid LIMIT ?").all(now, limit),
    /** Freezes the body a delivery sends on every attempt. */
    setPayload: (id: string, payload: string) => db.prepare('UPDATE webhook_deliveries SET payload = ? WHERE id = ?').run(payload, id),
    /** Records one attempt: success, a retry at `nextAttemptAt`, or giving up when that is null. */
    recordAttempt(id: string, attempt: { ok: boolean; status: number | null; error: string | null; nextAttemptAt: number | null }, now: number): void {
      const state = attempt.ok ? 'succeeded' : attempt.nextAttemptAt === null ? 'failed' : 'pending';
      db.prepare(`UPDATE webhook_deliveries SET state = ?, attempts = attempts + 1, last_attempt_at = ?, last_status = ?, last_error = ?,
        next_attempt_at = ?, delivered_at = ? WHERE id = ?`)
        .run(state, now, attempt.status, attempt.error, attempt.ok ? null : attempt.nextAttemptAt, attempt.ok ? now : null, id);
    },
    /** A webhook's delivery log, newest first. */
    deliveries: (webhookId: string, limit: number) => db.prepare<[string, number], DeliveryRow>(
      'SELECT * FROM webhook_deliveries WHERE webhook_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?').all(webhookId, limit).map(deliveryView),
  };
}

/** The webhook store's interface. */
export type WebhookStore = ReturnType<typeof createWebhookStore>;
