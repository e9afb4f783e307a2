/** Email invitations: runs, their send log (one row per person), and the people who unsubscribed. */
import { createHash } from 'node:crypto';
import type { DialectSql } from '../dialect.ts';
import { chunks, type Executor } from '../executor.ts';
import type { Selectable } from 'kysely';
import type { InvitationRunsTable, InvitationsTable } from '../schema.ts';

/** What became of one person in a run. */
export type InvitationState = InvitationsTable['state'];

/** A run with how many of its people reached each state (times in epoch ms). */
export interface InvitationRun {
  id: string;
  surveyId: string;
  sender: string;
  subject: string | null;
  state: InvitationRunsTable['state'];
  total: number;
  counts: Record<InvitationState, number>;
  error: string | null;
  createdAt: number;
  finishedAt: number | null;
}

/** One row of the send log. */
export interface InvitationRecord {
  runId: string;
  email: string;
  linkId: string | null;
  state: InvitationState;
  reason: string | null;
  updatedAt: number;
}

/** SHA-256 of the lower-cased email: the unsubscribe list keeps no address. */
export function emailHash(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('hex');
}

const toRecord = (row: Selectable<InvitationsTable>): InvitationRecord => ({
  runId: row.run_id, email: row.email, linkId: row.link_id, state: row.state, reason: row.reason, updatedAt: Number(row.updated_at),
});

/** Invitation runs, the send log and unsubscribes. */
export class InvitationRepository {
  constructor(private readonly executor: Executor, private readonly dialectSql: DialectSql) {}

  /**
   * Starts a run with its people as `pending` (emails lower-cased, each once, the first one's details kept). `resume`
   * (an API run's public URL and touchpoint, as JSON) and the people's details let the collector go on after a restart.
   */
  async createRun(run: {
    id: string; surveyId: string; sender: string; subject: string | null; people: readonly { email: string; details?: string | null }[]; resume?: string | null;
  }, now: number): Promise<void> {
    const people = new Map<string, string | null>();
    for (const person of run.people) if (!people.has(person.email.toLowerCase())) people.set(person.email.toLowerCase(), person.details ?? null);
    await this.executor.db.insertInto('invitation_runs').values({
      id: run.id, survey_id: run.surveyId, sender: run.sender, subject: run.subject, state: 'sending', total: people.size, error: null, created_at: now, finished_at: null,
      resume: run.resume ?? null,
    }).execute();
    for (const chunk of chunks([...people], 200)) {
      await this.executor.db.insertInto('invitations').values(chunk.map(([email, details]) => ({
        run_id: run.id, survey_id: run.surveyId, email, link_id: null, state: 'pending' as const, reason: null, updated_at: now, person: details,
      }))).execute();
    }
  }

  /** Marks a run the collector's shutdown stopped, so the next start goes on with it; `note` says so in the run's error. */
  async markResumable(id: string, note: string): Promise<void> {
    await this.executor.db.updateTable('invitation_runs').set({ resumable: 1, error: note }).where('id', '=', id).where('resume', 'is not', null).execute();
  }

  /**
   * Marks API runs still `sending` as stopped (a crash left them so), for a collector starting on a database no other
   * process sends from (SQLite); resolves to how many.
   */
  async markOrphansResumable(note: string): Promise<number> {
    const result = await this.executor.db.updateTable('invitation_runs').set({ resumable: 1, state: 'failed', error: note })
      .where('state', '=', 'sending').where('resume', 'is not', null).executeTakeFirst();
    return Number(result.numUpdatedRows);
  }

  /** The runs a shutdown stopped, oldest first. */
  async resumableRunIds(): Promise<string[]> {
    return (await this.executor.db.selectFrom('invitation_runs').select('id').where('resumable', '=', 1).orderBy('created_at').orderBy('id').execute()).map((row) => row.id);
  }

  /** Takes a stopped run to send it on (back to `sending`); false when another collector process took it first. */
  async claimResumable(id: string): Promise<boolean> {
    const result = await this.executor.db.updateTable('invitation_runs').set({ resumable: 0, state: 'sending', error: null, finished_at: null })
      .where('id', '=', id).where('resumable', '=', 1).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** What a run needs to go on: its request (`resume` JSON) and the people not sent yet (`pending`, or `sending` when it stopped mid-send). */
  async remaining(id: string): Promise<{ surveyId: string; subject: string | null; resume: string | null; people: { email: string; details: string | null }[] } | undefined> {
    const run = await this.executor.db.selectFrom('invitation_runs').select(['survey_id', 'subject', 'resume']).where('id', '=', id).executeTakeFirst();
    if (!run) return undefined;
    const rows = await this.executor.db.selectFrom('invitations').select(['email', 'person']).where('run_id', '=', id)
      .where('state', 'in', ['pending', 'sending']).orderBy('email').execute();
    return { surveyId: run.survey_id, subject: run.subject, resume: run.resume, people: rows.map((row) => ({ email: row.email, details: row.person })) };
  }

  /** Records what became of one person. */
  async mark(runId: string, email: string, change: { state: InvitationState; linkId?: string; reason?: string | null }, now: number): Promise<void> {
    await this.executor.db.updateTable('invitations')
      .set({ state: change.state, ...(change.linkId ? { link_id: change.linkId } : {}), reason: change.reason ?? null, updated_at: now })
      .where('run_id', '=', runId).where('email', '=', email.toLowerCase()).execute();
  }

  /** Ends a run. */
  async finishRun(id: string, state: 'done' | 'failed', error: string | null, now: number): Promise<void> {
    await this.executor.db.updateTable('invitation_runs').set({ state, error, finished_at: now }).where('id', '=', id).execute();
  }

  /**
   * The latest invitation of each of these people to the survey that was sent or may have been (`sending`: a run
   * that stopped mid-send), from other runs.
   */
  async latestAttempts(surveyId: string, emails: readonly string[], exceptRun: string | null): Promise<Map<string, InvitationRecord>> {
    const latest = new Map<string, InvitationRecord>();
    for (const chunk of chunks(emails.map((email) => email.toLowerCase()), 500)) {
      const rows = await this.executor.db.selectFrom('invitations').selectAll().where('survey_id', '=', surveyId)
        .where('email', 'in', chunk).where('state', 'in', ['sent', 'sending']).where('run_id', '!=', exceptRun ?? '').orderBy('updated_at').execute();
      for (const row of rows) latest.set(row.email, toRecord(row));
    }
    return latest;
  }

  /** A run with its counts, or undefined. */
  async run(id: string): Promise<InvitationRun | undefined> {
    const row = await this.executor.db.selectFrom('invitation_runs').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return undefined;
    const counted = await this.executor.db.selectFrom('invitations').select(['state', (eb) => eb.fn.countAll<number>().as('count')])
      .where('run_id', '=', id).groupBy('state').execute();
    const counts = { pending: 0, sending: 0, sent: 0, skipped: 0, failed: 0 };
    for (const { state, count } of counted) counts[state] = Number(count);
    return {
      id: row.id, surveyId: row.survey_id, sender: row.sender, subject: row.subject, state: row.state, total: Number(row.total), counts,
      error: row.error, createdAt: Number(row.created_at), finishedAt: row.finished_at === null ? null : Number(row.finished_at),
    };
  }

  /** A run's send log, in email order. */
  async log(runId: string, limit: number): Promise<InvitationRecord[]> {
    return (await this.executor.db.selectFrom('invitations').selectAll().where('run_id', '=', runId).orderBy('email').limit(limit).execute()).map(toRecord);
  }

  /** The ids of a survey's runs, newest first. */
  async runIds(surveyId: string, limit: number): Promise<string[]> {
    return (await this.executor.db.selectFrom('invitation_runs').select('id').where('survey_id', '=', surveyId)
      .orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map((row) => row.id);
  }

  /** The people of `emails` who unsubscribed. */
  async unsubscribed(emails: readonly string[]): Promise<Set<string>> {
    const byHash = new Map(emails.map((email) => [emailHash(email), email.toLowerCase()]));
    const found = new Set<string>();
    for (const chunk of chunks([...byHash.keys()], 500)) {
      const rows = await this.executor.db.selectFrom('unsubscribes').select('email_hash').where('email_hash', 'in', chunk).execute();
      for (const row of rows) found.add(byHash.get(row.email_hash)!);
    }
    return found;
  }

  /** Never invites this person again (idempotent). */
  async unsubscribe(email: string, now: number): Promise<void> {
    await this.executor.db.insertInto('unsubscribes').values({ email_hash: emailHash(email), created_at: now })
      .onConflict((conflict) => conflict.column('email_hash').doNothing()).execute();
  }
}
