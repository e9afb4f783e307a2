/** Huddles the team held: the digest they were held on, their notes, when they started and closed. */
import type { Selectable } from 'kysely';
import { chunks, type Executor } from '../executor.ts';
import type { HuddlesTable } from '../schema.ts';

/** What the team notes during a huddle. */
export interface HuddleNotes {
  attendees: string[];
  learned: string | null;
  staffNeeds: string | null;
  decisions: string | null;
}

/** A huddle as stored (times in epoch ms); `snapshot` is the digest it was held on, as JSON. */
export interface HuddleRecord extends HuddleNotes {
  id: string;
  surveyId: string;
  days: number;
  tz: string;
  snapshot: unknown;
  startedAt: number;
  closedAt: number | null;
  updatedAt: number;
}

function record(row: Selectable<HuddlesTable>): HuddleRecord {
  return {
    id: row.id, surveyId: row.survey_id, days: row.days, tz: row.tz, snapshot: JSON.parse(row.snapshot) as unknown,
    attendees: JSON.parse(row.attendees) as string[], learned: row.learned, staffNeeds: row.staff_needs, decisions: row.decisions,
    startedAt: Number(row.started_at), closedAt: row.closed_at === null ? null : Number(row.closed_at), updatedAt: Number(row.updated_at),
  };
}

/** Huddle storage on one executor. */
export class HuddleRepository {
  constructor(private readonly executor: Executor) {}

  /**
   * Stores a huddle that has just started, unless another huddle of the survey is open: then nothing is stored and
   * false is returned. The unique index on open huddles decides, so two starts at the same instant (two processes on
   * PostgreSQL) store one; the other waits for it to commit and stores nothing, where a plain insert would fail.
   */
  async insertUnlessOpen(huddle: Omit<HuddleRecord, 'closedAt' | 'updatedAt'>): Promise<boolean> {
    const inserted = await this.executor.db.insertInto('huddles').values({
      id: huddle.id, survey_id: huddle.surveyId, days: huddle.days, tz: huddle.tz, snapshot: JSON.stringify(huddle.snapshot),
      attendees: JSON.stringify(huddle.attendees), learned: huddle.learned, staff_needs: huddle.staffNeeds, decisions: huddle.decisions,
      started_at: huddle.startedAt, closed_at: null, updated_at: huddle.startedAt,
    }).onConflict((conflict) => conflict.column('survey_id').where('closed_at', 'is', null).doNothing()).returning('id').executeTakeFirst();
    return inserted !== undefined;
  }

  /** One huddle, or undefined. */
  async get(id: string): Promise<HuddleRecord | undefined> {
    const row = await this.executor.db.selectFrom('huddles').selectAll().where('id', '=', id).executeTakeFirst();
    return row && record(row);
  }

  /** The survey's huddles, newest first, at most `limit`, started before `before` when given. */
  async list(surveyId: string, options: { limit: number; before?: number }): Promise<HuddleRecord[]> {
    let query = this.executor.db.selectFrom('huddles').selectAll().where('survey_id', '=', surveyId);
    if (options.before !== undefined) query = query.where('started_at', '<', options.before);
    const rows = await query.orderBy('started_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
    return rows.map(record);
  }

  /** The survey's huddle still open, if any (there is at most one). */
  async openOf(surveyId: string): Promise<HuddleRecord | undefined> {
    const row = await this.executor.db.selectFrom('huddles').selectAll().where('survey_id', '=', surveyId).where('closed_at', 'is', null).executeTakeFirst();
    return row && record(row);
  }

  /** Writes the team's notes. */
  async writeNotes(id: string, notes: HuddleNotes, now: number): Promise<void> {
    await this.executor.db.updateTable('huddles').set({
      attendees: JSON.stringify(notes.attendees), learned: notes.learned, staff_needs: notes.staffNeeds, decisions: notes.decisions, updated_at: now,
    }).where('id', '=', id).execute();
  }

  /** Closes a huddle. */
  async close(id: string, now: number): Promise<void> {
    await this.executor.db.updateTable('huddles').set({ closed_at: now, updated_at: now }).where('id', '=', id).execute();
  }

  /** The comments of responses as they stand now (an erased response is absent, a purged comment null). */
  async comments(responseIds: readonly string[]): Promise<Map<string, string | null>> {
    const found = new Map<string, string | null>();
    for (const chunk of chunks([...new Set(responseIds)])) {
      for (const row of await this.executor.db.selectFrom('responses').select(['id', 'comment']).where('id', 'in', chunk).execute()) found.set(row.id, row.comment);
    }
    return found;
  }
}
