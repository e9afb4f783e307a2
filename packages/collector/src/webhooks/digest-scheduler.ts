/** Queues scheduled huddle digests: each webhook whose digest is due gets one message per survey it covers, once across collector processes. */
import type { Database } from '../db/database.ts';
import type { DigestSetting } from '../db/repositories/webhook-repository.ts';
import type { SurveyRecord } from '../db/repositories/survey-repository.ts';
import { digestPeriodEnd, nextDigestAt } from './digest-schedule.ts';
import { eventBody } from './event-payloads.ts';

/** Builds the body's `data` for one survey: the digest of the `days` days up to `periodEnd` (from the composition root). */
export type DigestBuilder = (survey: SurveyRecord, options: { days: number; timeZone: string; now: number }) => Promise<unknown>;

/** The digest scheduler of one database. */
export function createDigestScheduler(database: Database, build: DigestBuilder) {
  async function surveysOf(surveyId: string | null): Promise<SurveyRecord[]> {
    if (surveyId === null) return (await database.surveys.list()).filter((survey) => survey.active);
    const survey = await database.surveys.get(surveyId);
    return survey ? [survey] : [];
  }

  return {
    /**
     * Queues every digest due at `now` and moves each schedule to its next slot; resolves to how many messages were
     * queued. A collector that was down over a slot sends that digest once when it is back, not once per missed slot.
     */
    async runDue(now: number): Promise<number> {
      let queued = 0;
      for (const due of await database.digests.due(now)) {
        const schedule: DigestSetting = due.schedule;
        const periodEnd = digestPeriodEnd(schedule, now);
        const bodies: Array<{ surveyId: string; body: string }> = [];
        // Built before the transaction: a digest reads a lot, and the transaction only claims the slot and queues.
        for (const survey of await surveysOf(due.surveyId)) {
          bodies.push({ surveyId: survey.id, body: eventBody('huddle.digest', now, await build(survey, { days: schedule.days, timeZone: schedule.timeZone, now: periodEnd })) });
        }
        queued += await database.transaction(async (tx) => {
          if (!(await tx.digests.advance(due.webhookId, due.dueAt, nextDigestAt(schedule, now)))) return 0;
          for (const { surveyId, body } of bodies) await tx.digests.enqueue(due.webhookId, surveyId, body, now);
          return bodies.length;
        });
      }
      return queued;
    },
  };
}

/** The digest scheduler's interface. */
export type DigestScheduler = ReturnType<typeof createDigestScheduler>;
