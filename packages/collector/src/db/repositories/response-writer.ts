/**
 * The one writer of `responses`. Ingest, import, the demo data, loop changes and privacy all write through
 * it, and it keeps the rest in step in the same transaction: rollup deltas, loops, and (by triggers of the
 * schema) the comment index. Ingest also runs the hooks the composition root registered (webhooks).
 */
import type { Kysely } from 'kysely';
import { HttpError } from '../../lib/errors.ts';
import { storageFailure } from '../storage-failures.ts';
import { chunks, MultiRowInsert, queryTemplate, type NowOrLater, type TransactionExecutor } from '../executor.ts';
import { responseFacts } from '../rollups/rollup-facts.ts';
import type { RollupRecorder } from '../rollups/rollup-recorder.ts';
import type { Schema } from '../schema.ts';
import type { DialectSql } from '../dialect.ts';
import type { LoopRepository } from './loop-repository.ts';
import { ResponseReads, type ResponseRow } from './response-reads.ts';
import type { IngestHook, ResponseInput } from './response-input.ts';
import { MUTABLE_COLUMNS, newRowValues, mergeInput, type MutableColumn, type NewRowValues } from './response-input.ts';

/**
 * How a write batch inserts its new responses ahead of their jobs (`insertAhead`): in statements that return the
 * ids they inserted (PostgreSQL), or in statements without a conflict clause that insert all their rows or none
 * (SQLite, where a failed statement undoes only itself and RETURNING costs ~0.8 µs a row).
 */
export type AheadInserts = 'returning' | 'all-or-none';

/** How an ingest request changed the database. */
export type IngestStatus = 'created' | 'updated' | 'unchanged';

/** A changed score is accepted this long after the first send. */
export const SCORE_CHANGE_WINDOW_MS = 30 * 60 * 1000;

/** A response written by import or the demo (times in epoch ms). */
export interface ResponseInsert {
  id: string;
  surveyId: string;
  score: number;
  comment: string | null;
  consent: boolean | null;
  userId: string | null;
  email: string | null;
  touchpoint: string | null;
  channel: string | null;
  journey: string | null;
  locale: string | null;
  page: string | null;
  device: string | null;
  properties: string | null;
  createdAt: number;
  updatedAt: number;
}

type InsertValues = Record<'id' | 'surveyId' | MutableColumn | 'createdAt' | 'updatedAt', unknown>;

/** `insertMany` inserts and reports progress this many rows at a time. */
const INSERT_MANY_CHUNK = 1000;

/** Rows in the order of their ids (stable: repeated ids keep their order). */
function sortedById<Row extends { id: unknown }>(rows: readonly Row[]): Row[] {
  return [...rows].sort((a, b) => ((a.id as string) < (b.id as string) ? -1 : (a.id as string) > (b.id as string) ? 1 : 0));
}

/** The writer's statements, compiled once: the ingest path runs them as prepared statements. */
export function responseTemplates(db: Kysely<Schema>, dialectSql: DialectSql) {
  const byColumn = (value: (name: MutableColumn) => never) => Object.fromEntries(MUTABLE_COLUMNS.map((column) => [column, value(column)])) as Record<MutableColumn, never>;
  const row = (value: (name: keyof InsertValues) => never) =>
    ({ id: value('id'), survey_id: value('surveyId'), ...byColumn(value), created_at: value('createdAt'), updated_at: value('updatedAt') });
  return {
    // Insert first: a new id (the common case) costs one statement; an existing id changes nothing here.
    insert: queryTemplate<keyof InsertValues>((value) => db.insertInto('responses').values(row(value))
      .onConflict((conflict) => conflict.column('id').doNothing())),
    /** Many rows at once, returning the ids it inserted. */
    insertRows: new MultiRowInsert<keyof InsertValues>((rows) => db.insertInto('responses').values(rows.map(row))
      .onConflict((conflict) => conflict.column('id').doNothing()).returning('id')),
    /** Many new rows at once: all of them, or none and an error (a stored or repeated id, a broken rule). */
    insertNewRows: new MultiRowInsert<keyof InsertValues>((rows) => db.insertInto('responses').values(rows.map(row))),
    // Locked: two processes updating one response both start from what the other wrote.
    select: queryTemplate<'id'>((value) => dialectSql.lockRows(db.selectFrom('responses').selectAll().where('id', '=', value('id')))),
    update: queryTemplate<MutableColumn | 'updatedAt' | 'id'>((value) => db.updateTable('responses')
      .set({ ...byColumn(value), updated_at: value('updatedAt') }).where('id', '=', value('id'))),
  };
}

/** The responses writer of one transaction (reads included). */
export class ResponseWriter extends ResponseReads {
  constructor(
    protected override readonly executor: TransactionExecutor,
    dialectSql: DialectSql,
    private readonly templates: ReturnType<typeof responseTemplates>,
    private readonly loops: LoopRepository,
    private readonly rollups: RollupRecorder,
    private readonly hooks: { run: IngestHook[]; context: () => Parameters<IngestHook>[1] },
    private readonly aheadInserts: AheadInserts,
  ) {
    super(executor, dialectSql);
  }

  /**
   * The ids `insertAhead` tried: true while the row it inserted waits for its ingest job, false once the job took
   * it or when the id was already stored.
   */
  private readonly ahead = new Map<string, boolean>();
  /** The ids whose rows `insertAhead` inserted. */
  private readonly insertedAhead = new Set<string>();

  /**
   * Inserts the new rows of a write batch's ingest jobs before the jobs run, in a few multi-row statements
   * instead of one each (on PostgreSQL a round trip each); each job's `ingest` then takes its row from here.
   */
  async insertAhead(rows: readonly NewRowValues[]): Promise<void> {
    if (this.aheadInserts === 'all-or-none') return this.insertAllOrNone(rows);
    const sorted = sortedById(rows);
    for (const row of sorted) this.ahead.set(row.id as string, false);
    for (const id of await this.insertRows(sorted)) {
      this.ahead.set(id, true);
      this.insertedAhead.add(id);
    }
    // Their loops too, for the jobs' `openForNew` to find (the first of repeated ids is the one inserted).
    const inserted = new Set(this.insertedAhead);
    await this.loops.openAhead(sorted.filter((row) => inserted.delete(row.id as string))
      .map((row) => ({ id: row.id as string, surveyId: row.surveyId as string, score: row.score as number, createdAt: row.createdAt as number })));
  }

  /**
   * `insertAhead` in pieces that each insert all their rows or fail, undoing only themselves: the rows of a piece
   * that failed (a stored or repeated id, a broken rule) are left to their jobs, which insert them one by one and
   * answer as before. The jobs open their loops as usual (`openForNew`).
   */
  private async insertAllOrNone(rows: readonly NewRowValues[]): Promise<void> {
    const inserts = this.templates.insertNewRows;
    for (const piece of inserts.exactPieces(rows)) {
      try {
        await inserts.runPiece(this.executor, piece);
      } catch (error) {
        // A storage failure fails the batch; on an engine where any failed statement spoils the transaction, so does this one.
        if (storageFailure(error) || !(await this.executor.intact())) throw error;
        continue;
      }
      for (const row of piece) {
        this.ahead.set(row.id as string, true);
        this.insertedAhead.add(row.id as string);
      }
    }
  }

  /** True when `insertAhead` inserted this id's row in this transaction: a job that fails after it must take it back with its batch. */
  wroteAhead(id: string): boolean {
    return this.insertedAhead.has(id);
  }

  /**
   * Inserts rows whose ids are new, leaving stored ids as they are (the first of repeated ids wins); resolves to
   * the ids inserted. `rows` sorted by id, so two processes' batches take the ids' locks in one order (no deadlock).
   */
  private async insertRows(rows: readonly InsertValues[]): Promise<string[]> {
    return (await this.templates.insertRows.all<{ id: string }>(this.executor, rows)).map((row) => row.id);
  }

  /**
   * Inserts or updates one response by its client id; throws 409 for a locked score or another survey's id.
   * A new response whose every step answers at once (SQLite, cached loop settings, no webhook to queue) is written
   * without an await, the status returned as it is: the ingest hot path (~2 µs a request less in alternating runs).
   */
  ingest(input: ResponseInput, now: number, values: NewRowValues = newRowValues(input, now)): NowOrLater<IngestStatus> {
    const ahead = this.ahead.get(input.id);
    if (ahead) this.ahead.set(input.id, false);
    const inserted = ahead === undefined ? this.executor.run(this.templates.insert, values) : ahead ? 1 : 0;
    return inserted === 1 ? this.created(input, now, values) : this.createdOrUpdated(input, now, values, inserted);
  }

  /** The rest of writing a new response: its rollup deltas, its loop, the hooks. */
  private created(input: ResponseInput, now: number, values: NewRowValues): NowOrLater<IngestStatus> {
    this.rollups.response(null, {
      surveyId: input.surveyId, createdAt: now, score: input.score, hasComment: values.comment !== null, excluded: false,
      touchpoint: values.touchpoint as string | null, channel: values.channel as string | null, locale: values.locale as string | null, journey: values.journey as string | null,
    });
    const loop = this.loops.openForNew(input.id, input.surveyId, input.score, now);
    return loop instanceof Promise ? loop.then((opened) => this.hooked(input, now, opened)) : this.hooked(input, now, loop);
  }

  /** Runs the hooks on a response just created (no closure on the hot path). */
  private hooked(input: ResponseInput, now: number, loop: 'opened' | 'none'): NowOrLater<IngestStatus> {
    const hooks = this.runHooks({ status: 'created', responseId: input.id, surveyId: input.surveyId, loop, now });
    return hooks ? hooks.then(() => 'created' as const) : 'created';
  }

  /** A response whose insert did not answer `1` at once: new after all (a network database), or stored before (update it). */
  private async createdOrUpdated(input: ResponseInput, now: number, values: NewRowValues, inserting: NowOrLater<number>): Promise<IngestStatus> {
    if ((await inserting) === 1) return this.created(input, now, values);
    const existing = (await this.executor.first<ResponseRow>(this.templates.select, { id: input.id }))!;
    if (existing.survey_id !== input.surveyId) {
      throw new HttpError(409, 'id_conflict', `id: response "${input.id}" belongs to another survey`);
    }
    if (existing.score !== input.score && now - existing.created_at > SCORE_CHANGE_WINDOW_MS) {
      throw new HttpError(409, 'score_locked', 'score: can only change within 30 minutes of the first send');
    }
    const merged = mergeInput(existing, input);
    if (MUTABLE_COLUMNS.every((column) => merged[column] === existing[column])) return 'unchanged';
    await this.executor.run(this.templates.update, { ...merged, updatedAt: now, id: input.id });
    this.rollups.response(responseFacts(existing), responseFacts(merged));
    const loop = await this.loops.sync({ id: input.id, surveyId: existing.survey_id, score: merged.score, excluded: existing.excluded === 1 }, now);
    await this.runHooks({ status: 'updated', responseId: input.id, surveyId: existing.survey_id, loop, now });
    return 'updated';
  }

  /** Inserts responses once (an id already stored is left as it is); opens their loops when asked. */
  async insertMany(rows: readonly ResponseInsert[], options: { openLoops: boolean; onProgress?: (done: number) => void }): Promise<{ inserted: number; existing: number }> {
    const counts = { inserted: 0, existing: 0 };
    let done = 0;
    for (const chunk of chunks(rows, INSERT_MANY_CHUNK)) {
      const inserted = new Set(await this.insertRows(sortedById(chunk.map((row): InsertValues => ({
        id: row.id, surveyId: row.surveyId, score: row.score, comment: row.comment, consent: row.consent === null ? null : row.consent ? 1 : 0,
        user_id: row.userId, email: row.email, touchpoint: row.touchpoint, channel: row.channel, journey: row.journey, locale: row.locale,
        page: row.page, device: row.device, properties: row.properties, createdAt: row.createdAt, updatedAt: row.updatedAt,
      })))));
      for (const row of chunk) {
        // `delete`: of repeated ids only the first row was inserted.
        if (!inserted.delete(row.id)) {
          counts.existing++;
          continue;
        }
        counts.inserted++;
        this.rollups.response(null, {
          surveyId: row.surveyId, createdAt: row.createdAt, score: row.score, hasComment: row.comment !== null, excluded: false,
          touchpoint: row.touchpoint, channel: row.channel, locale: row.locale, journey: row.journey,
        });
        if (options.openLoops) await this.loops.sync({ id: row.id, surveyId: row.surveyId, score: row.score, excluded: false }, row.createdAt);
      }
      done += chunk.length;
      options.onProgress?.(done);
    }
    return counts;
  }

  /** Marks a response excluded (a test answer: it leaves every figure) or counted again. */
  async setExcluded(id: string, excluded: boolean): Promise<void> {
    const row = await this.dialectSql.lockRows(this.executor.db.selectFrom('responses').selectAll().where('id', '=', id)).executeTakeFirst();
    if (!row || (row.excluded === 1) === excluded) return;
    await this.executor.db.updateTable('responses').set({ excluded: excluded ? 1 : 0 }).where('id', '=', id).execute();
    this.rollups.response(responseFacts(row), responseFacts({ ...row, excluded: excluded ? 1 : 0 }));
  }

  /** Deletes responses (their loops, notes and action links go with them); resolves to the rows deleted. */
  async erase(ids: readonly string[]): Promise<ResponseRow[]> {
    const rows: ResponseRow[] = [];
    for (const chunk of chunks(ids)) {
      // Exactly the rows this transaction deleted count in the rollups, even if another process erased some first.
      rows.push(...await this.executor.db.deleteFrom('responses').where('id', 'in', chunk).returningAll().execute());
    }
    for (const row of rows) this.rollups.response(responseFacts(row), null);
    return rows;
  }

  /** Clears the comment and personal data (email, user id, page) of responses; scores and context stay. */
  async clearPersonalData(rows: readonly ResponseRow[]): Promise<void> {
    for (const chunk of chunks(rows.map((row) => row.id))) {
      await this.executor.db.updateTable('responses').set({ comment: null, email: null, user_id: null, page: null }).where('id', 'in', chunk).execute();
    }
    for (const row of rows) this.rollups.response(responseFacts(row), responseFacts({ ...row, comment: null }));
  }

  /** Runs the ingest hooks from the `from`th in turn; undefined when none had anything to wait for. */
  private runHooks(change: Parameters<IngestHook>[0], from = 0): Promise<void> | undefined {
    for (let index = from; index < this.hooks.run.length; index++) {
      const writing = this.hooks.run[index](change, this.hooks.context());
      if (writing) return writing.then(() => this.runHooks(change, index + 1));
    }
    return undefined;
  }
}
