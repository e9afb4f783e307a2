/** Loops and their notes: opening one for an answer, changing its fields, notes, and the overdue marks. */
import { randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import { MultiRowInsert, queryTemplate, type Executor, type NowOrLater } from '../executor.ts';
import type { LoopsTable, Schema } from '../schema.ts';
import { opensLoop, slaMsExpression, type LoopSettings, type LoopSettingsRepository } from './loop-settings-repository.ts';

/** Where a loop is: waiting for contact, contacted, resolved, or closed with a reason. */
export type LoopState = LoopsTable['state'];

/** A loop with what the queue shows of its response (times in epoch ms). */
export interface LoopRecord {
  responseId: string;
  surveyId: string;
  state: LoopState;
  assignee: string | null;
  tags: string[];
  closeReason: string | null;
  openedAt: number;
  firstContactAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
  updatedAt: number;
  notesCount: number;
  response: {
    score: number; comment: string | null; consent: boolean | null; email: string | null; userId: string | null;
    touchpoint: string | null; channel: string | null; excluded: boolean; createdAt: number;
  };
}

/** A note on a loop. */
export interface LoopNote {
  id: string;
  author: string;
  text: string;
  createdAt: number;
}

/** The lifecycle fields a loop change writes. */
export interface LoopChanges {
  state: LoopState;
  assignee: string | null;
  tags: string[];
  closeReason: string | null;
  firstContactAt: number | null;
  resolvedAt: number | null;
  closedAt: number | null;
}

/** The values of a loop opened now. */
type OpenLoopValue = 'responseId' | 'surveyId' | 'now';

/** What `openForNew` answers for an insert that changed `rows` rows (0: the loop was there). */
const openedIfInserted = (rows: number): 'opened' | 'none' => (rows > 0 ? 'opened' : 'none');

/** The row of a loop opened now. */
const openLoop = (value: (name: OpenLoopValue) => never) =>
  ({ response_id: value('responseId'), survey_id: value('surveyId'), state: 'open' as const, opened_at: value('now'), updated_at: value('now') });

/** The ingest path's loop statements, compiled once. */
export function loopTemplates(db: Kysely<Schema>) {
  const insertOpenRows = (rows: ((name: OpenLoopValue) => never)[]) => db.insertInto('loops').values(rows.map(openLoop))
    .onConflict((conflict) => conflict.column('response_id').doNothing());
  return {
    insertOpen: queryTemplate<OpenLoopValue>((value) => db.insertInto('loops').values(openLoop(value))
      .onConflict((conflict) => conflict.column('response_id').doNothing())),
    insertOpenRows: new MultiRowInsert<OpenLoopValue>((rows) => insertOpenRows(rows).returning('response_id')),
    // Without RETURNING, which costs SQLite ~0.8 µs a row (measured): for the loops `openForNew` deferred, all of which open.
    insertDeferredRows: new MultiRowInsert<OpenLoopValue>(insertOpenRows),
    // Only a loop nobody worked on is retracted when its answer no longer qualifies.
    deleteUntouched: queryTemplate<'responseId'>((value) => db.deleteFrom('loops')
      .where('response_id', '=', value('responseId')).where('state', '=', 'open').where('assignee', 'is', null).where('tags', '=', '[]')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('loop_notes as n').select('n.id').whereRef('n.response_id', '=', 'loops.response_id'))))),
  };
}

/** The columns of a `LoopRecord`, from `loops as l` joined with `responses as r`. */
export function selectLoopRecords(db: Kysely<Schema>) {
  return db.selectFrom('loops as l').innerJoin('responses as r', 'r.id', 'l.response_id').select([
    'l.response_id', 'l.survey_id', 'l.state', 'l.assignee', 'l.tags', 'l.close_reason', 'l.opened_at', 'l.first_contact_at',
    'l.resolved_at', 'l.closed_at', 'l.updated_at', 'r.score', 'r.comment', 'r.consent', 'r.email', 'r.user_id', 'r.touchpoint',
    'r.channel', 'r.excluded', 'r.created_at as response_created_at',
    (eb) => eb.selectFrom('loop_notes as n').select(eb.fn.countAll<number>().as('c')).whereRef('n.response_id', '=', 'l.response_id').as('notes_count'),
  ]);
}

type LoopRow = Awaited<ReturnType<ReturnType<typeof selectLoopRecords>['executeTakeFirstOrThrow']>>;

/** A joined row as a domain record. */
export function toLoopRecord(row: LoopRow): LoopRecord {
  return {
    responseId: row.response_id, surveyId: row.survey_id, state: row.state, assignee: row.assignee, tags: JSON.parse(row.tags) as string[],
    closeReason: row.close_reason, openedAt: row.opened_at, firstContactAt: row.first_contact_at, resolvedAt: row.resolved_at,
    closedAt: row.closed_at, updatedAt: row.updated_at, notesCount: Number(row.notes_count ?? 0),
    response: {
      score: row.score, comment: row.comment, consent: row.consent === null ? null : row.consent === 1, email: row.email, userId: row.user_id,
      touchpoint: row.touchpoint, channel: row.channel, excluded: row.excluded === 1, createdAt: row.response_created_at,
    },
  };
}

/** Loop reads and writes on one executor. */
export class LoopRepository {
  constructor(
    private readonly executor: Executor,
    private readonly templates: ReturnType<typeof loopTemplates>,
    readonly settings: LoopSettingsRepository,
    private readonly dialectSql: DialectSql,
    private readonly defersNewLoops = false,
  ) {}

  /** The loops `openForNew` opened but has not written yet (`defersNewLoops`); `writeDeferred` writes them together. */
  private deferred: { responseId: string; surveyId: string; now: number }[] = [];

  /** Responses `openAhead` decided on, and of those the ones whose loops it opened; each job's `openForNew` takes its answer. */
  private readonly decidedAhead = new Set<string>();
  private readonly openedAhead = new Set<string>();

  /**
   * Opens the loops of responses a write batch inserted ahead of its jobs (see `ResponseWriter.insertAhead`), in a
   * few multi-row statements; `openForNew` then answers from here. `responses` sorted by id (one lock order).
   */
  async openAhead(responses: readonly { id: string; surveyId: string; score: number; createdAt: number }[]): Promise<void> {
    const opening: { responseId: string; surveyId: string; now: number }[] = [];
    for (const response of responses) {
      this.decidedAhead.add(response.id);
      if (opensLoop(response.score, this.settings.cached(response.surveyId) ?? await this.settings.get(response.surveyId))) {
        opening.push({ responseId: response.id, surveyId: response.surveyId, now: response.createdAt });
      }
    }
    for (const row of await this.templates.insertOpenRows.all<{ response_id: string }>(this.executor, opening)) this.openedAhead.add(row.response_id);
  }

  /**
   * Opens a loop for a response just created when its survey's rules say so (the ingest hot path): at once when the
   * settings are cached and the insert answers at once (SQLite), else a promise.
   */
  openForNew(responseId: string, surveyId: string, score: number, now: number): NowOrLater<'opened' | 'none'> {
    if (this.decidedAhead.size > 0 && this.decidedAhead.delete(responseId)) return this.openedAhead.delete(responseId) ? 'opened' : 'none';
    const cached = this.settings.cached(surveyId);
    if (cached) return this.openIfDue(responseId, surveyId, score, now, cached);
    return this.settings.get(surveyId).then((settings) => this.openIfDue(responseId, surveyId, score, now, settings));
  }

  /** Opens the loop when the settings say this score opens one. */
  private openIfDue(responseId: string, surveyId: string, score: number, now: number, settings: LoopSettings): NowOrLater<'opened' | 'none'> {
    if (!opensLoop(score, settings)) return 'none';
    if (this.defersNewLoops) {
      // The response was inserted just now, so it has no loop yet: this one opens.
      this.deferred.push({ responseId, surveyId, now });
      return 'opened';
    }
    const inserted = this.executor.run(this.templates.insertOpen, { responseId, surveyId, now });
    return inserted instanceof Promise ? inserted.then(openedIfInserted) : openedIfInserted(inserted);
  }

  /**
   * Writes the loops `openForNew` deferred, in one multi-row statement (a few past 256): undefined when there are none.
   * The write queue calls it before a job that is not a new answer, and the transaction before it commits.
   */
  writeDeferred(): Promise<void> | undefined {
    if (this.deferred.length === 0) return undefined;
    const rows = this.deferred;
    this.deferred = [];
    return this.templates.insertDeferredRows.run(this.executor, rows).then(() => undefined);
  }

  /** Opens a loop for a stored response when the rules say so (once); retracts an untouched one whose score no longer qualifies. */
  async sync(response: { id: string; surveyId: string; score: number; excluded: boolean }, now: number): Promise<'opened' | 'removed' | 'none'> {
    await this.writeDeferred();
    if (response.excluded) return 'none';
    if (opensLoop(response.score, await this.settings.get(response.surveyId))) {
      return (await this.executor.run(this.templates.insertOpen, { responseId: response.id, surveyId: response.surveyId, now })) > 0 ? 'opened' : 'none';
    }
    return (await this.executor.run(this.templates.deleteUntouched, { responseId: response.id })) > 0 ? 'removed' : 'none';
  }

  /** Opens a loop by hand (a note or a change on an answer that has none); nothing when it exists. */
  async ensure(responseId: string, surveyId: string, now: number): Promise<void> {
    await this.executor.run(this.templates.insertOpen, { responseId, surveyId, now });
  }

  /** One loop, or undefined when the response has none. */
  async get(responseId: string): Promise<LoopRecord | undefined> {
    const row = await selectLoopRecords(this.executor.db).where('l.response_id', '=', responseId).executeTakeFirst();
    return row && toLoopRecord(row);
  }

  /** A loop's notes, oldest first. */
  async notes(responseId: string): Promise<LoopNote[]> {
    const rows = await this.executor.db.selectFrom('loop_notes').select(['id', 'author', 'text', 'created_at'])
      .where('response_id', '=', responseId).orderBy('created_at').orderBy('id').execute();
    return rows.map((row) => ({ id: row.id, author: row.author, text: row.text, createdAt: row.created_at }));
  }

  /** Writes a loop's lifecycle fields, assignee and tags. */
  async update(responseId: string, changes: LoopChanges, now: number): Promise<void> {
    await this.executor.db.updateTable('loops').set({
      state: changes.state, assignee: changes.assignee, tags: JSON.stringify(changes.tags), close_reason: changes.closeReason,
      first_contact_at: changes.firstContactAt, resolved_at: changes.resolvedAt, closed_at: changes.closedAt, updated_at: now,
    }).where('response_id', '=', responseId).execute();
  }

  /** Adds a note (the loop must exist) and marks the loop changed. */
  async addNote(responseId: string, note: { author: string; text: string }, now: number): Promise<LoopNote> {
    const id = `note_${randomBytes(8).toString('hex')}`;
    await this.executor.db.insertInto('loop_notes').values({ id, response_id: responseId, author: note.author, text: note.text, created_at: now }).execute();
    await this.executor.db.updateTable('loops').set({ updated_at: now }).where('response_id', '=', responseId).execute();
    return { id, author: note.author, text: note.text, createdAt: now };
  }

  /** Open loops past their survey's SLA not yet reported overdue (excluded answers left out). */
  async overdueUnreported(now: number): Promise<{ responseId: string; surveyId: string }[]> {
    // Survey by survey with the survey's own SLA, so only open loops already past it are read (a range of loops_by_survey_state).
    const rows = await this.executor.db.selectFrom('surveys as s')
      .leftJoin('loop_settings as ls', 'ls.survey_id', 's.id')
      .crossJoin('loops as l')
      .innerJoin('responses as r', 'r.id', 'l.response_id')
      .select(['l.response_id', 'l.survey_id'])
      .whereRef('l.survey_id', '=', 's.id').where('l.state', '=', 'open')
      .where((eb) => eb('l.opened_at', '<', sql<number>`${now} - ${slaMsExpression(this.dialectSql, sql.ref('ls.settings'))}`))
      .where('l.overdue_notified_at', 'is', null).where('r.excluded', '=', 0)
      .execute();
    return rows.map((row) => ({ responseId: row.response_id, surveyId: row.survey_id }));
  }

  /** Records that a loop was reported overdue; false when it already was (another collector process got there first). */
  async markOverdueReported(responseId: string, now: number): Promise<boolean> {
    const result = await this.executor.db.updateTable('loops').set({ overdue_notified_at: now })
      .where('response_id', '=', responseId).where('overdue_notified_at', 'is', null).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** How many loops of a survey are in each state. */
  async countByState(surveyId: string): Promise<Record<string, number>> {
    const rows = await this.executor.db.selectFrom('loops').select(['state', (eb) => eb.fn.countAll<number>().as('count')])
      .where('survey_id', '=', surveyId).groupBy('state').execute();
    return Object.fromEntries(rows.map((row) => [row.state, Number(row.count)]));
  }

  /** True when the response has a loop. */
  async exists(responseId: string): Promise<boolean> {
    return (await this.executor.db.selectFrom('loops').select('response_id').where('response_id', '=', responseId).executeTakeFirst()) !== undefined;
  }
}
