/** Prompt events (shown, dismissed): stored once by their client id, counted by the rollups. */
import type { Kysely } from 'kysely';
import { HttpError } from '../../lib/errors.ts';
import { chunks, MultiRowInsert, queryTemplate, type Executor } from '../executor.ts';
import type { RollupRecorder } from '../rollups/rollup-recorder.ts';
import type { Schema } from '../schema.ts';
import type { IngestStatus } from './response-writer.ts';

/** A validated event body (see `EventPayload` in core). */
export interface EventInput {
  id: string;
  surveyId: string;
  type: 'shown' | 'dismissed';
  touchpoint?: string;
  channel?: string;
  locale?: string;
  page?: string;
}

/** A prompt event to store as it is (the demo data). */
export interface EventInsert {
  id: string;
  surveyId: string;
  type: 'shown' | 'dismissed';
  touchpoint: string | null;
  channel: string | null;
  locale: string | null;
  page: string | null;
  createdAt: number;
}

/** The event statements, compiled once. */
export function eventTemplates(db: Kysely<Schema>) {
  const row = (value: (name: keyof EventInsert) => never) => ({
    id: value('id'), survey_id: value('surveyId'), type: value('type'), touchpoint: value('touchpoint'), channel: value('channel'),
    locale: value('locale'), page: value('page'), created_at: value('createdAt'),
  });
  return {
    insert: queryTemplate<keyof EventInsert>((value) => db.insertInto('events').values(row(value)).onConflict((conflict) => conflict.column('id').doNothing())),
    insertRows: new MultiRowInsert<keyof EventInsert>((rows) => db.insertInto('events').values(rows.map(row))
      .onConflict((conflict) => conflict.column('id').doNothing()).returning('id')),
    select: queryTemplate<'id'>((value) => db.selectFrom('events').select(['survey_id', 'type']).where('id', '=', value('id'))),
  };
}

/** The events writer of one transaction. */
export class EventWriter {
  constructor(private readonly executor: Executor, private readonly templates: ReturnType<typeof eventTemplates>, private readonly rollups: RollupRecorder) {}

  /** Inserts an event once; the same id again is unchanged, or 409 when it differs. */
  async ingest(input: EventInput, now: number): Promise<IngestStatus> {
    const event: EventInsert = {
      id: input.id, surveyId: input.surveyId, type: input.type, touchpoint: input.touchpoint ?? null,
      channel: input.channel ?? null, locale: input.locale ?? null, page: input.page ?? null, createdAt: now,
    };
    if (await this.insert(event)) return 'created';
    const existing = (await this.executor.first<{ survey_id: string; type: string }>(this.templates.select, { id: input.id }))!;
    if (existing.survey_id !== input.surveyId || existing.type !== input.type) {
      throw new HttpError(409, 'id_conflict', `id: event "${input.id}" was recorded with another survey or type`);
    }
    return 'unchanged';
  }

  /** Stores an event unless its id is; resolves to whether it was new. */
  async insert(event: EventInsert): Promise<boolean> {
    if ((await this.executor.run(this.templates.insert, event)) !== 1) return false;
    this.recordRollups(event);
    return true;
  }

  /** Stores many events (the demo, generated histories) a few hundred a statement; resolves to how many were new. */
  async insertMany(events: readonly EventInsert[]): Promise<number> {
    let inserted = 0;
    for (const chunk of chunks(events, 1000)) {
      const ids = new Set((await this.templates.insertRows.all<{ id: string }>(this.executor, chunk)).map((row) => row.id));
      // `delete`: of repeated ids only the first event was inserted.
      for (const event of chunk) {
        if (!ids.delete(event.id)) continue;
        this.recordRollups(event);
        inserted++;
      }
    }
    return inserted;
  }

  private recordRollups(event: EventInsert): void {
    this.rollups.event({ surveyId: event.surveyId, createdAt: event.createdAt, type: event.type, touchpoint: event.touchpoint, channel: event.channel, locale: event.locale });
  }
}
