/**
 * Privacy: erasing everything about one respondent, and the retention purge of comments and personal data.
 * Both run in erasing transactions (deleted content overwritten in the file) and then flush the erasure.
 */
import type { DialectSql } from '../dialect.ts';
import { chunks, type Executor } from '../executor.ts';
import type { TransactionRepositories } from '../transaction-context.ts';
import type { ResponseRow, RespondentKey } from './response-reads.ts';

/** What an erasure removed. */
export interface ErasureReport {
  responses: number;
  loops: number;
  notes: number;
  actionLinks: number;
  webhookDeliveries: number;
  responseIds: string[];
  /** False when a reader kept the log from being emptied; the next checkpoint finishes the job. */
  walCheckpointed: boolean;
}

/** What one retention purge changed. */
export interface PurgeReport {
  cutoff: string;
  responses: number;
  notes: number;
  webhookDeliveries: number;
  /** Personal links made before the cutoff: cleared of email, user id and traits (still usable, anonymously) or, expired, deleted. */
  links: number;
  /** Rows of the invitation send log (one email each) last changed before the cutoff, deleted with the runs that finished before it. */
  invitations: number;
  /** Whether the purge was flushed to disk (see `ErasureReport.walCheckpointed`); true when it removed nothing. */
  fileRewritten: boolean;
}

/** Opens an erasing transaction and empties the logs afterwards (from the dialect). */
export interface Erasing {
  erasingTransaction<T>(work: (tx: TransactionRepositories) => Promise<T>): Promise<T>;
  flushErasure(): Promise<boolean>;
}

const PURGE_BATCH = 500;

/** The rows that hang off responses: loops, notes, action links, webhook deliveries. */
export class PrivacyRepository {
  constructor(private readonly executor: Executor, private readonly dialectSql: DialectSql) {}

  /** Counts what hangs off the responses. */
  async dependents(ids: readonly string[]): Promise<Omit<ErasureReport, 'responses' | 'responseIds' | 'walCheckpointed'>> {
    const counts = { loops: 0, notes: 0, actionLinks: 0, webhookDeliveries: 0 };
    const count = async (table: 'loops' | 'loop_notes' | 'action_responses', chunk: string[]) => Number((await this.executor.db.selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('count')).where('response_id', 'in', chunk).executeTakeFirstOrThrow()).count);
    for (const chunk of chunks(ids)) {
      counts.loops += await count('loops', chunk);
      counts.notes += await count('loop_notes', chunk);
      counts.actionLinks += await count('action_responses', chunk);
      counts.webhookDeliveries += Number((await this.executor.db.selectFrom('webhook_deliveries').select((eb) => eb.fn.countAll<number>().as('count'))
        .where('subject_id', 'in', chunk).executeTakeFirstOrThrow()).count);
    }
    return counts;
  }

  /** Deletes the notes and webhook deliveries of responses (they carry comments and contact details); resolves to how many. */
  async deleteNotesAndDeliveries(ids: readonly string[]): Promise<{ notes: number; webhookDeliveries: number }> {
    const deleted = { notes: 0, webhookDeliveries: 0 };
    for (const chunk of chunks(ids)) {
      deleted.webhookDeliveries += Number((await this.executor.db.deleteFrom('webhook_deliveries').where('subject_id', 'in', chunk).executeTakeFirst()).numDeletedRows);
      deleted.notes += Number((await this.executor.db.deleteFrom('loop_notes').where('response_id', 'in', chunk).executeTakeFirst()).numDeletedRows);
    }
    return deleted;
  }

  /** Deletes the personal links (and their invitations' send log) made for a respondent: they hold the email, user id and traits. */
  async deleteLinksOf(who: RespondentKey): Promise<number> {
    const byWho = who.email !== undefined ? this.dialectSql.equalsIgnoringCase('email', who.email) : undefined;
    const links = this.executor.db.selectFrom('survey_links').select('id')
      .where((eb) => (byWho ? byWho : eb('user_id', '=', who.userId!)));
    await this.executor.db.deleteFrom('invitations').where('link_id', 'in', links).execute();
    if (who.email !== undefined) await this.executor.db.deleteFrom('invitations').where(this.dialectSql.equalsIgnoringCase('email', who.email)).execute();
    const deleted = await this.executor.db.deleteFrom('survey_links').where((eb) => (byWho ? byWho : eb('user_id', '=', who.userId!))).executeTakeFirst();
    return Number(deleted.numDeletedRows);
  }

  /** Deletes the loops and action links of responses. */
  async deleteLoopsAndLinks(ids: readonly string[]): Promise<void> {
    for (const chunk of chunks(ids)) {
      await this.executor.db.deleteFrom('loops').where('response_id', 'in', chunk).execute();
      await this.executor.db.deleteFrom('action_responses').where('response_id', 'in', chunk).execute();
    }
  }

  /**
   * The retention purge of links and invitations: deletes the send log's rows last changed before `cutoff` (and the
   * runs finished before it), deletes personal links made before it that have expired, and clears the email, user id
   * and traits of those still usable. The unsubscribe list stays: it keeps only hashes, to keep its promise.
   */
  async purgeLinksAndSendLog(cutoff: number, now: number): Promise<{ links: number; invitations: number }> {
    const { db } = this.executor;
    const invitations = Number((await db.deleteFrom('invitations').where('updated_at', '<', cutoff).executeTakeFirst()).numDeletedRows);
    const finished = db.selectFrom('invitation_runs').select('id').where('finished_at', '<', cutoff);
    await db.deleteFrom('invitations').where('run_id', 'in', finished).execute();
    await db.deleteFrom('invitation_runs').where('finished_at', '<', cutoff).execute();
    const expired = await db.deleteFrom('survey_links').where('created_at', '<', cutoff).where('expires_at', '<=', now).executeTakeFirst();
    const cleared = await db.updateTable('survey_links').set({ email: null, user_id: null, traits: null }).where('created_at', '<', cutoff)
      .where((eb) => eb.or([eb('email', 'is not', null), eb('user_id', 'is not', null), eb('traits', 'is not', null)])).executeTakeFirst();
    return { links: Number(expired.numDeletedRows) + Number(cleared.numUpdatedRows), invitations };
  }

  /** Up to `limit` responses created before `cutoff` that still hold a comment or personal data, locked (rows another process is purging are passed over). */
  async expiredWithPersonalData(cutoff: number, limit: number): Promise<ResponseRow[]> {
    return this.dialectSql.lockRows(this.executor.db.selectFrom('responses').selectAll().where('created_at', '<', cutoff)
      .where((eb) => eb.or([eb('comment', 'is not', null), eb('email', 'is not', null), eb('user_id', 'is not', null), eb('page', 'is not', null)]))
      .limit(limit), { skipLocked: true }).execute();
  }

  /** The retention period set from the dashboard or the API: days, or null (kept until erased); undefined when never set. */
  async storedRetentionDays(): Promise<number | null | undefined> {
    const row = await this.executor.db.selectFrom('privacy_settings').select('retention_days').where('id', '=', 1).executeTakeFirst();
    return row?.retention_days;
  }

  /** Stores the retention period (null: kept until erased). */
  async storeRetentionDays(days: number | null, now: number): Promise<void> {
    await this.executor.db.insertInto('privacy_settings').values({ id: 1, retention_days: days, updated_at: now })
      .onConflict((conflict) => conflict.column('id').doUpdateSet({ retention_days: days, updated_at: now })).execute();
  }
}

/** Deletes every response of the respondent and everything hanging off them in one transaction, then wipes the leftovers. */
export async function eraseRespondent(database: Erasing, who: RespondentKey): Promise<ErasureReport> {
  const report = await database.erasingTransaction(async (tx) => {
    const ids = (await tx.responses.ofRespondent(who)).map((response) => response.id);
    const counted = await tx.privacy.dependents(ids);
    await tx.privacy.deleteNotesAndDeliveries(ids);
    await tx.privacy.deleteLoopsAndLinks(ids);
    await tx.responses.erase(ids);
    const links = await tx.privacy.deleteLinksOf(who);
    return { responses: ids.length, ...counted, responseIds: ids, links };
  });
  const { links, ...erased } = report;
  return { ...erased, walCheckpointed: report.responses === 0 && links === 0 ? true : await database.flushErasure() };
}

/**
 * Clears comment, email, user id and page of responses created before `now − retentionDays`, and deletes
 * their loop notes and webhook deliveries (which carry those details), in batches; then the personal links and
 * the invitation send log of before the cutoff. Loops keep their state and timestamps, so SLA figures stay;
 * properties are left as the site set them.
 */
export async function purgeExpired(database: Erasing, retentionDays: number, now: number): Promise<PurgeReport> {
  const cutoff = now - retentionDays * 86_400_000;
  const report = { cutoff: new Date(cutoff).toISOString(), responses: 0, notes: 0, webhookDeliveries: 0, links: 0, invitations: 0, fileRewritten: true };
  for (let done = false; !done;) {
    done = await database.erasingTransaction(async (tx) => {
      const rows = await tx.privacy.expiredWithPersonalData(cutoff, PURGE_BATCH);
      const deleted = await tx.privacy.deleteNotesAndDeliveries(rows.map((row) => row.id));
      await tx.responses.clearPersonalData(rows);
      report.notes += deleted.notes;
      report.webhookDeliveries += deleted.webhookDeliveries;
      report.responses += rows.length;
      return rows.length < PURGE_BATCH;
    });
  }
  Object.assign(report, await database.erasingTransaction((tx) => tx.privacy.purgeLinksAndSendLog(cutoff, now)));
  if (report.responses + report.links + report.invitations > 0) report.fileRewritten = await database.flushErasure();
  return report;
}
