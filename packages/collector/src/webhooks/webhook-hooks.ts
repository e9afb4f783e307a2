/** What happens after ingest stores a response: a loop opens for a detractor, and webhook deliveries are queued. */
import type { Database } from 'better-sqlite3';
import type { IngestStatus } from '../db/repositories/response-writer.ts';
import { createPayloadBuilder } from './event-payloads.ts';
import { createWebhookStore } from '../db/repositories/webhook-repository.ts';
import { slaMsSql } from '../db/repositories/loop-queries.ts';
import { createLoopStore } from '../db/repositories/loop-repository.ts';

/** Default wait before `loop.opened` is delivered, so it carries the comment that usually follows the score. */
export const DEFAULT_LOOP_OPENED_DELAY_MS = 2 * 60 * 1000;

/** Options of the response hooks. */
export interface ResponseHookOptions {
  /** Wait before delivering `loop.opened` (default 2 minutes). */
  loopOpenedDelayMs?: number;
}

/** Builds the hook to run inside the ingest write transaction, right after a response is upserted. */
export function createResponseHooks(db: Database, options: ResponseHookOptions = {}) {
  const loops = createLoopStore(db);
  const webhooks = createWebhookStore(db);
  const payloads = createPayloadBuilder(db, loops);
  const delay = options.loopOpenedDelayMs ?? DEFAULT_LOOP_OPENED_DELAY_MS;

  return {
    /** Opens or retracts the response's loop and queues `response.*` and `loop.opened` deliveries. */
    afterResponseWrite(response: { id: string; surveyId: string; score: number }, status: IngestStatus, now: number): void {
      if (status === 'unchanged') return;
      const responseId = response.id;
      const { surveyId, change } = status === 'created'
        ? { surveyId: response.surveyId, change: loops.openLoopForNewResponse(responseId, response.surveyId, response.score, now) }
        : loops.syncLoopForResponse(responseId, now);
      if (surveyId === null) return;
      const type = status === 'created' ? 'response.created' : 'response.updated';
      webhooks.enqueue(type, { surveyId, subjectId: responseId, payload: () => payloads.response(type, responseId, now), dueAt: now }, now);
      if (change === 'opened') {
        webhooks.enqueue('loop.opened', { surveyId, subjectId: responseId, payload: () => null, dueAt: now + delay }, now);
      }
    },

    /**
     * Queues `loop.overdue` once for every open loop past its SLA; returns how many loops became overdue.
     * Goes survey by survey with the survey's SLA, so it reads only the open loops already past it (a range of loops_by_survey_state).
     */
    notifyOverdue(now: number): number {
      const overdue = db.prepare<{ now: number }, { response_id: string; survey_id: string }>(`SELECT l.response_id, l.survey_id FROM surveys s
        LEFT JOIN loop_settings ls ON ls.survey_id = s.id
        CROSS JOIN loops l ON l.survey_id = s.id AND l.state = 'open'
          AND l.opened_at < @now - ${slaMsSql('ls.settings')}
        JOIN responses r ON r.id = l.response_id
        WHERE l.overdue_notified_at IS NULL AND r.excluded = 0`).all({ now });
      const mark = db.prepare('UPDATE loops SET overdue_notified_at = ? WHERE response_id = ?');
      db.transaction(() => {
        for (const loop of overdue) {
          mark.run(now, loop.response_id);
          webhooks.enqueue('loop.overdue', { surveyId: loop.survey_id, subjectId: loop.response_id, payload: () => payloads.loop('loop.overdue', loop.response_id, now, now), dueAt: now }, now);
        }
      }).immediate();
      return overdue.length;
    },
  };
}

/** The response hooks' interface. */
export type ResponseHooks = ReturnType<typeof createResponseHooks>;
