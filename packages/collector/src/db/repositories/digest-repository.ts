/** The huddle digests webhooks get on a schedule: which are due, taking one slot (once across collector processes), queuing the message. */
import { randomBytes } from 'node:crypto';
import type { Executor } from '../executor.ts';
import type { DigestSetting, webhookTemplates } from './webhook-repository.ts';

/** A webhook whose digest is due. */
export interface DueDigest {
  webhookId: string;
  /** The webhook's survey; null: every active survey. */
  surveyId: string | null;
  schedule: DigestSetting;
  dueAt: number;
}

/** Digest schedules on the `webhooks` table, and their deliveries. */
export class DigestRepository {
  constructor(private readonly executor: Executor, private readonly templates: ReturnType<typeof webhookTemplates>) {}

  /** The webhooks whose next digest is due at `now` (a paused one's waits until it is resumed). */
  async due(now: number): Promise<DueDigest[]> {
    const rows = await this.executor.db.selectFrom('webhooks').select(['id', 'survey_id', 'digest_schedule', 'digest_due_at'])
      .where('digest_schedule', 'is not', null).where('paused_at', 'is', null).where('digest_due_at', '<=', now).orderBy('digest_due_at').orderBy('id').execute();
    return rows.map((row) => ({ webhookId: row.id, surveyId: row.survey_id, schedule: JSON.parse(row.digest_schedule!) as DigestSetting, dueAt: Number(row.digest_due_at) }));
  }

  /** Moves a webhook's next digest from `dueAt` to `nextAt`; false when another process (or the schedule's change) got there first. */
  async advance(webhookId: string, dueAt: number, nextAt: number): Promise<boolean> {
    const result = await this.executor.db.updateTable('webhooks').set({ digest_due_at: nextAt })
      .where('id', '=', webhookId).where('digest_due_at', '=', dueAt).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Queues one digest message (about `surveyId`) to one webhook, due at once. */
  async enqueue(webhookId: string, surveyId: string, payload: string, now: number): Promise<void> {
    await this.executor.run(this.templates.insertDelivery, {
      id: `msg_${randomBytes(12).toString('base64url')}`, webhookId, type: 'huddle.digest', subjectId: surveyId, payload, dueAt: now, now,
    });
  }
}
