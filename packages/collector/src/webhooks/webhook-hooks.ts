/** Webhooks hear of ingest writes and overdue loops: `response.*` and `loop.opened` are queued in the ingest job, `loop.overdue` by a periodic check. */
import type { Database } from '../db/database.ts';
import type { IngestChange, IngestHook } from '../db/repositories/response-input.ts';
import type { TransactionRepositories } from '../db/transaction-context.ts';
import { loopPayload, responsePayload } from './event-payloads.ts';

/** Default wait before `loop.opened` is delivered, so it carries the comment that usually follows the score. */
export const DEFAULT_LOOP_OPENED_DELAY_MS = 2 * 60 * 1000;

/**
 * The ingest hook: queues `response.created` / `response.updated`, and `loop.opened` (delayed, body built at
 * the first attempt) when the write opened a loop; in the ingest job's transaction, so they commit with it.
 */
export function webhookIngestHook(options: { loopOpenedDelayMs?: number } = {}): IngestHook {
  const delay = options.loopOpenedDelayMs ?? DEFAULT_LOOP_OPENED_DELAY_MS;
  const enqueue = async (change: IngestChange, tx: TransactionRepositories, type: 'response.created' | 'response.updated') => {
    const { responseId, surveyId, now } = change;
    if ((tx.webhooks.cachedSubscribers(type, surveyId) ?? (await tx.webhooks.subscribers(type, surveyId))).length > 0) {
      await tx.webhooks.enqueue(type, { surveyId, subjectId: responseId, payload: () => responsePayload(tx, type, responseId, now), dueAt: now }, now);
    }
    if (change.loop === 'opened' && (tx.webhooks.cachedSubscribers('loop.opened', surveyId) ?? (await tx.webhooks.subscribers('loop.opened', surveyId))).length > 0) {
      await tx.webhooks.enqueue('loop.opened', { surveyId, subjectId: responseId, payload: async () => null, dueAt: now + delay }, now);
    }
  };
  const nobody = (subscribers: readonly unknown[] | undefined) => subscribers !== undefined && subscribers.length === 0;
  return (change, tx) => {
    const type = change.status === 'created' ? 'response.created' : 'response.updated';
    // Most collectors have few webhooks or none: when the cached lists say nobody listens, nothing to do, no promise.
    if (nobody(tx.webhooks.cachedSubscribers(type, change.surveyId))
      && (change.loop !== 'opened' || nobody(tx.webhooks.cachedSubscribers('loop.opened', change.surveyId)))) return undefined;
    return enqueue(change, tx, type);
  };
}

/**
 * Queues `loop.overdue` once for every open loop past its SLA; resolves to how many loops became overdue.
 * Safe on several collector processes at once: a loop is queued only by the one whose mark changed it.
 */
export async function notifyOverdue(database: Database, now: number): Promise<number> {
  const overdue = await database.loops.overdueUnreported(now);
  if (overdue.length === 0) return 0;
  return database.transaction(async (tx) => {
    let marked = 0;
    for (const loop of overdue) {
      if (!(await tx.loops.markOverdueReported(loop.responseId, now))) continue;
      marked++;
      await tx.webhooks.enqueue('loop.overdue', {
        surveyId: loop.surveyId, subjectId: loop.responseId, payload: () => loopPayload(tx, 'loop.overdue', loop.responseId, now, now), dueAt: now,
      }, now);
    }
    return marked;
  });
}
