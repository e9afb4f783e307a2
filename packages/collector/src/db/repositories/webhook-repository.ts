/** Webhook endpoints and their deliveries: the outbox a restart never loses, and the delivery log. */
import { randomBytes } from 'node:crypto';
import type { Kysely, Selectable, SelectQueryBuilder } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import { queryTemplate, type Executor } from '../executor.ts';
import type { Schema, WebhookDeliveriesTable, WebhooksTable } from '../schema.ts';
import { subscribedTo, type Subscriber, type SubscriberCache } from './webhook-subscribers.ts';

export { SubscriberCache, type Subscriber } from './webhook-subscribers.ts';

/** The events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = ['response.created', 'response.updated', 'loop.opened', 'loop.overdue'] as const;

/** One webhook event type. */
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** How a webhook's body is written: Standard Webhooks JSON, or a chat message (`{ text, blocks }`) for Slack-style incoming webhooks. */
export const WEBHOOK_FORMATS = ['standard', 'slack'] as const;

/** One webhook body format. */
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

/** The type of a test message sent from the dashboard or the API: nobody subscribes to it, and it is never retried. */
export const TEST_DELIVERY = 'webhook.test';

/** What a delivery can carry: an event, or a test message. */
export const DELIVERY_TYPES = [...WEBHOOK_EVENTS, TEST_DELIVERY] as const;

/** One delivery type. */
export type DeliveryType = (typeof DELIVERY_TYPES)[number];

/** What `PATCH /v1/webhooks/:id` may change (null: all surveys, no description). */
export interface WebhookChange {
  url?: string;
  events?: WebhookEvent[];
  format?: WebhookFormat;
  surveyId?: string | null;
  description?: string | null;
  /** True pauses it (nothing new is queued, pending deliveries wait); false resumes it. */
  paused?: boolean;
}

/** A webhook as listed: never its secret (times in epoch ms). */
export interface WebhookRecord {
  id: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEvent[];
  surveyId: string | null;
  description: string | null;
  createdAt: number;
  /** When it was paused; null while it delivers. */
  pausedAt: number | null;
}

/** One delivery: its message, its state and the last attempt (times in epoch ms). */
export interface DeliveryRecord {
  id: string;
  webhookId: string;
  type: DeliveryType;
  subjectId: string | null;
  payload: string | null;
  state: WebhookDeliveriesTable['state'];
  attempts: number;
  nextAttemptAt: number | null;
  lastAttemptAt: number | null;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  deliveredAt: number | null;
}

function toWebhook(row: WebhooksTable): WebhookRecord {
  return {
    id: row.id, url: row.url, format: row.format, events: JSON.parse(row.events) as WebhookEvent[], surveyId: row.survey_id, description: row.description,
    createdAt: row.created_at, pausedAt: row.paused_at,
  };
}

function toDelivery(row: Selectable<WebhookDeliveriesTable>): DeliveryRecord {
  return {
    id: row.id, webhookId: row.webhook_id, type: row.type as DeliveryType, subjectId: row.subject_id, payload: row.payload, state: row.state,
    attempts: row.attempts, nextAttemptAt: row.next_attempt_at, lastAttemptAt: row.last_attempt_at, lastStatus: row.last_status,
    lastError: row.last_error, createdAt: row.created_at, deliveredAt: row.delivered_at,
  };
}

/** The ingest path's delivery insert, compiled once. */
export function webhookTemplates(db: Kysely<Schema>) {
  return {
    insertDelivery: queryTemplate<'id' | 'webhookId' | 'type' | 'subjectId' | 'payload' | 'dueAt' | 'now'>((value) => db.insertInto('webhook_deliveries').values({
      id: value('id'), webhook_id: value('webhookId'), type: value('type'), subject_id: value('subjectId'), payload: value('payload'),
      state: 'pending', next_attempt_at: value('dueAt'), created_at: value('now'),
    })),
  };
}

/** Webhook and delivery storage on one executor. */
export class WebhookRepository {
  constructor(
    private readonly executor: Executor,
    private readonly templates: ReturnType<typeof webhookTemplates>,
    private readonly cache: SubscriberCache,
    private readonly dialectSql: DialectSql,
  ) {}

  /** Creates a webhook; the secret is returned here only. */
  async create(input: { url: string; format?: WebhookFormat; events: WebhookEvent[]; surveyId?: string; description?: string; secret: string }, now: number): Promise<WebhookRecord> {
    const row: WebhooksTable = {
      id: `wh_${randomBytes(8).toString('hex')}`, url: input.url, format: input.format ?? 'standard', events: JSON.stringify([...new Set(input.events)]),
      survey_id: input.surveyId ?? null, description: input.description ?? null, secret: input.secret, created_at: now, paused_at: null,
    };
    await this.executor.db.insertInto('webhooks').values(row).execute();
    this.cache.rows = null;
    return toWebhook(row);
  }

  /** Every webhook, oldest first, paused ones included. */
  async list(): Promise<WebhookRecord[]> {
    const rows = await this.executor.db.selectFrom('webhooks').selectAll().orderBy('created_at').orderBy('id').execute();
    return rows.map(toWebhook);
  }

  /** The webhooks subscribed to an event type of a survey, paused ones left out (cached until a webhook changes). */
  async subscribers(type: WebhookEvent, surveyId: string): Promise<readonly Subscriber[]> {
    return this.cachedSubscribers(type, surveyId) ?? subscribedTo(await this.all(), type, surveyId);
  }

  /** The same, when the webhook list is cached; undefined when it has to be read (the ingest hot path asks this first). */
  cachedSubscribers(type: WebhookEvent, surveyId: string): readonly Subscriber[] | undefined {
    return this.cache.rows ? subscribedTo(this.cache.rows, type, surveyId) : undefined;
  }

  /** One webhook, or undefined. */
  async get(id: string): Promise<WebhookRecord | undefined> {
    const row = await this.executor.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toWebhook(row);
  }

  /** Deletes a webhook and its deliveries; false when there was none. */
  async remove(id: string): Promise<boolean> {
    const result = await this.executor.db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
    this.cache.rows = null;
    return result.numDeletedRows > 0n;
  }

  /**
   * Changes a webhook (pending deliveries then go to its new address); `paused` keeps the time it was first paused.
   * Resolves to it, or undefined when there is none.
   */
  async update(id: string, change: WebhookChange, now: number): Promise<WebhookRecord | undefined> {
    await this.executor.db.updateTable('webhooks').set((eb) => ({
      ...(change.url !== undefined && { url: change.url }),
      ...(change.events !== undefined && { events: JSON.stringify([...new Set(change.events)]) }),
      ...(change.format !== undefined && { format: change.format }),
      ...(change.surveyId !== undefined && { survey_id: change.surveyId }),
      ...(change.description !== undefined && { description: change.description }),
      ...(change.paused !== undefined && { paused_at: change.paused ? eb.fn.coalesce('paused_at', eb.val(now)) : null }),
    })).where('id', '=', id).execute();
    this.cache.rows = null;
    return this.get(id);
  }

  /** Queues a test message to one webhook, due at once, with the body `payload` builds from the delivery's id. */
  async enqueueTest(webhookId: string, payload: (deliveryId: string) => string, now: number): Promise<DeliveryRecord> {
    const id = `msg_${randomBytes(12).toString('base64url')}`;
    await this.executor.run(this.templates.insertDelivery, { id, webhookId, type: TEST_DELIVERY, subjectId: null, payload: payload(id), dueAt: now, now });
    return (await this.delivery(webhookId, id))!;
  }

  /** One delivery of a webhook, or undefined. */
  async delivery(webhookId: string, id: string): Promise<DeliveryRecord | undefined> {
    const row = await this.executor.db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).where('webhook_id', '=', webhookId).executeTakeFirst();
    return row && toDelivery(row);
  }

  /** Makes a delivery the dispatcher gave up on due at once, for one more attempt; false when it has not failed. */
  async retryFailed(webhookId: string, id: string, now: number): Promise<boolean> {
    const result = await this.executor.db.updateTable('webhook_deliveries').set({ state: 'pending', next_attempt_at: now })
      .where('id', '=', id).where('webhook_id', '=', webhookId).where('state', '=', 'failed').executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** The URL, secret and body format to deliver with. */
  async target(id: string): Promise<{ url: string; secret: string; format: WebhookFormat } | undefined> {
    return this.executor.db.selectFrom('webhooks').select(['url', 'secret', 'format']).where('id', '=', id).executeTakeFirst();
  }

  /**
   * Queues one delivery per webhook subscribed to the event (and to the survey). The body is built only
   * when someone subscribes; a `null` body is built at the first attempt.
   */
  async enqueue(type: WebhookEvent, event: { surveyId: string; subjectId: string | null; payload: () => Promise<string | null>; dueAt: number }, now: number): Promise<number> {
    const targets = await this.subscribers(type, event.surveyId);
    if (targets.length === 0) return 0;
    const payload = await event.payload();
    for (const { row } of targets) {
      await this.executor.run(this.templates.insertDelivery, {
        id: `msg_${randomBytes(12).toString('base64url')}`, webhookId: row.id, type, subjectId: event.subjectId, payload, dueAt: event.dueAt, now,
      });
    }
    return targets.length;
  }

  /** True when some pending delivery is due at `now` (a plain read, so an idle poll takes no write lock). */
  async anyDue(now: number): Promise<boolean> {
    const row = await this.due(this.executor.db.selectFrom('webhook_deliveries').select('id'), now).limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** Narrows a query to pending deliveries due at `now`, holding those of paused webhooks (a test message still goes). */
  private due<Q extends SelectQueryBuilder<Schema, 'webhook_deliveries', object>>(query: Q, now: number): Q {
    return query.where('state', '=', 'pending').where('next_attempt_at', '<=', now)
      .where((eb) => eb.or([
        eb('type', '=', TEST_DELIVERY),
        eb('webhook_id', 'not in', eb.selectFrom('webhooks').select('id').where('paused_at', 'is not', null)),
      ])) as Q;
  }

  /**
   * Takes up to `limit` pending deliveries due at `now` (oldest due first) for one attempt each: their next
   * attempt moves `leaseMs` ahead, so no other collector process (and no later poll) takes them meanwhile.
   * Rows another process is taking right now are passed over (`SKIP LOCKED`); a process that dies mid-attempt
   * leaves its deliveries to be taken again when the lease ends. Call inside a transaction.
   */
  async claimDue(now: number, limit: number, leaseMs: number): Promise<DeliveryRecord[]> {
    const rows = await this.dialectSql.lockRows(this.due(this.executor.db.selectFrom('webhook_deliveries').selectAll(), now)
      .orderBy('next_attempt_at').orderBy('created_at').orderBy('id').limit(limit), { skipLocked: true }).execute();
    if (rows.length === 0) return [];
    await this.executor.db.updateTable('webhook_deliveries').set({ next_attempt_at: now + leaseMs }).where('id', 'in', rows.map((row) => row.id)).execute();
    return rows.map(toDelivery);
  }

  /** Freezes the body a delivery sends on every attempt. */
  async setPayload(id: string, payload: string): Promise<void> {
    await this.executor.db.updateTable('webhook_deliveries').set({ payload }).where('id', '=', id).execute();
  }

  /** Records one attempt: success, a retry at `nextAttemptAt`, or giving up when that is null. */
  async recordAttempt(id: string, attempt: { ok: boolean; status: number | null; error: string | null; nextAttemptAt: number | null }, now: number): Promise<void> {
    const state = attempt.ok ? 'succeeded' : attempt.nextAttemptAt === null ? 'failed' : 'pending';
    await this.executor.db.updateTable('webhook_deliveries').set((eb) => ({
      state, attempts: eb('attempts', '+', 1), last_attempt_at: now, last_status: attempt.status, last_error: attempt.error,
      next_attempt_at: attempt.ok ? null : attempt.nextAttemptAt, delivered_at: attempt.ok ? now : null,
    })).where('id', '=', id).execute();
  }

  /** A webhook's delivery log, newest first. */
  async deliveries(webhookId: string, limit: number): Promise<DeliveryRecord[]> {
    const rows = await this.executor.db.selectFrom('webhook_deliveries').selectAll().where('webhook_id', '=', webhookId)
      .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
    return rows.map(toDelivery);
  }

  private async all(): Promise<Subscriber[]> {
    if (this.cache.rows) return this.cache.rows;
    const rows = await this.executor.db.selectFrom('webhooks').selectAll().where('paused_at', 'is', null).orderBy('created_at').orderBy('id').execute();
    this.cache.rows = rows.map((row) => ({ row, events: new Set(JSON.parse(row.events) as string[]) }));
    return this.cache.rows;
  }
}
