/** Delivers due webhook messages: builds deferred bodies, signs, sends, and schedules retries with backoff. */
import type { Database } from '../db/database.ts';
import { TEST_DELIVERY, type DeliveryRecord } from '../db/repositories/webhook-repository.ts';
import { chatMessage } from './chat-message.ts';
import { digestChatMessage } from './digest-chat.ts';
import { loopPayload, responsePayload } from './event-payloads.ts';
import { nextRetryDelay } from './retry-schedule.ts';
import { sendWebhook, type SendOutcome } from './webhook-sender.ts';
import { webhookHeaders } from './signing.ts';

/** Options of the dispatcher. */
export interface DispatcherOptions {
  /** Deliver to private and loopback addresses (off by default). */
  allowPrivate?: boolean;
  /** The clock, injectable for tests. */
  now?: () => number;
  /** Per-request timeout in ms (default 10 s). */
  timeoutMs?: number;
  /** Deliveries handled per round (default 20). */
  batchSize?: number;
  /** The collector's public address: chat alerts link to the dashboard there. */
  publicUrl?: string;
}

/** The delivery worker of one database. */
export function createWebhookDispatcher(database: Database, options: DispatcherOptions = {}) {
  const now = options.now ?? Date.now;
  const store = database.webhooks;
  // A taken delivery waits this long before another process may take it again (its sender died mid-attempt).
  const leaseMs = Math.max(60_000, 3 * (options.timeoutMs ?? 10_000));
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<number> | null = null;

  async function bodyOf(delivery: DeliveryRecord, at: number): Promise<string | null> {
    if (delivery.payload !== null) return delivery.payload;
    if (delivery.subjectId === null || delivery.type === TEST_DELIVERY) return null;
    // Deferred bodies (loop.opened) are built at the first attempt, so they carry the comment that followed the score.
    const body = delivery.type.startsWith('loop.')
      ? await loopPayload(database, delivery.type, delivery.subjectId, delivery.createdAt, at)
      : await responsePayload(database, delivery.type, delivery.subjectId, delivery.createdAt);
    if (body !== null) await store.setPayload(delivery.id, body);
    return body;
  }

  async function attempt(delivery: DeliveryRecord): Promise<void> {
    const at = now();
    const target = await store.target(delivery.webhookId);
    const body = await bodyOf(delivery, at);
    let outcome: SendOutcome;
    if (!target) return;
    if (body === null) outcome = { error: 'not sent: the response or its loop is gone (erased, or the score changed to a higher group)' };
    else {
      // The log keeps the Standard Webhooks body; a chat target gets it as a message, signed the same way.
      const chat = delivery.type === 'huddle.digest' ? digestChatMessage : chatMessage;
      const sent = target.format === 'slack' ? JSON.stringify(chat(body, options.publicUrl)) : body;
      outcome = await sendWebhook(target.url, webhookHeaders(target.secret, delivery.id, Math.floor(at / 1000), sent), sent, {
        allowPrivate: options.allowPrivate ?? false, timeoutMs: options.timeoutMs,
      });
    }
    const ok = 'status' in outcome && outcome.status >= 200 && outcome.status < 300;
    // A test message is tried once: whoever sent it is looking at the delivery log for the outcome.
    const delay = ok || body === null || delivery.type === TEST_DELIVERY ? null : nextRetryDelay(delivery.attempts + 1);
    await store.recordAttempt(delivery.id, {
      ok, status: 'status' in outcome ? outcome.status : null,
      error: 'error' in outcome ? outcome.error : ok ? null : `HTTP ${outcome.status}`,
      nextAttemptAt: delay === null ? null : now() + delay,
    }, now());
  }

  /** Attempts every delivery due now, concurrently; resolves to how many were attempted. */
  function runDue(): Promise<number> {
    round ??= (async () => {
      try {
        // Taken in a transaction of its own: of several collector processes, exactly one attempts each delivery.
        if (!(await store.anyDue(now()))) return 0;
        const due = await database.transaction((tx) => tx.webhooks.claimDue(now(), options.batchSize ?? 20, leaseMs));
        await Promise.all(due.map(attempt));
        return due.length;
      } finally {
        round = null;
      }
    })();
    return round;
  }

  return {
    runDue,
    /** Polls for due deliveries every `intervalMs` until stopped. */
    start(intervalMs = 1000): void {
      const tick = () => {
        timer = setTimeout(() => void runDue().catch(() => 0).finally(() => timer && tick()), intervalMs);
        timer.unref();
      };
      if (!timer) tick();
    },
    /** Stops polling and waits for the round in flight. */
    async stop(): Promise<void> {
      if (timer) clearTimeout(timer);
      timer = null;
      await round?.catch(() => 0);
    },
  };
}

/** The dispatcher's interface. */
export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
