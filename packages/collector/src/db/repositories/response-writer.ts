import type { Database } from 'better-sqlite3';
import { HttpError } from '../../lib/errors.ts';
import type { RollupMaintenance } from '../rollups/rollup-maintenance.ts';
import type { EventBody, ResponseBody } from '../../ingest/ingest-schemas.ts';

/** How an ingest request changed the database. */
export type IngestStatus = 'created' | 'updated' | 'unchanged';

/** A changed score is accepted this long after the first send. */
export const SCORE_CHANGE_WINDOW_MS = 30 * 60 * 1000;

/** A response as stored: one row per client id. */
export interface ResponseRow {
  id: string;
  survey_id: string;
  score: number;
  comment: string | null;
  consent: number | null;
  user_id: string | null;
  email: string | null;
  touchpoint: string | null;
  channel: string | null;
  journey: string | null;
  locale: string | null;
  page: string | null;
  device: string | null;
  properties: string | null;
  created_at: number;
  updated_at: number;
}

function sortedJson(properties: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1))));
}

type MutableColumn = 'score' | 'comment' | 'consent' | 'user_id' | 'email' | 'touchpoint' | 'channel' | 'journey' | 'locale' | 'page' | 'device' | 'properties';

/** Each column a body can set, and its value from the body; `undefined`: the body leaves the column as it is. */
const COLUMN_FROM_BODY: readonly (readonly [MutableColumn, (body: ResponseBody) => string | number | null | undefined])[] = [
  ['score', (body) => body.score],
  ['comment', (body) => (body.comment === undefined ? undefined : body.comment.trim() === '' ? null : body.comment)],
  ['consent', (body) => (body.consent === undefined ? undefined : body.consent ? 1 : 0)],
  ['user_id', (body) => body.respondent?.userId],
  ['email', (body) => body.respondent?.email],
  ['touchpoint', (body) => body.touchpoint],
  ['channel', (body) => body.channel],
  ['journey', (body) => body.journey],
  ['locale', (body) => body.locale],
  ['page', (body) => body.page],
  ['device', (body) => body.device],
  ['properties', (body) => (body.properties === undefined ? undefined : sortedJson(body.properties))],
];
const MUTABLE_COLUMNS = COLUMN_FROM_BODY.map(([column]) => column);
const COMMENT_INDEX = MUTABLE_COLUMNS.indexOf('comment');

/** The columns a body sets; fields it leaves out are absent, so they keep their stored value. */
export function columnsFromBody(body: ResponseBody): Partial<ResponseRow> {
  const columns: Partial<ResponseRow> = {};
  for (const [column, read] of COLUMN_FROM_BODY) {
    const value = read(body);
    if (value !== undefined) (columns as Record<MutableColumn, unknown>)[column] = value;
  }
  return columns;
}

/** A new row's values in `MUTABLE_COLUMNS` order (the ingest hot path: no intermediate object). */
function newRowValues(body: ResponseBody): (string | number | null)[] {
  return COLUMN_FROM_BODY.map(([, read]) => read(body) ?? null);
}

/** Prepared statements and the upsert rules for responses and events; `rollups` hears of every change that succeeded. */
export function createIngestWrites(db: Database, rollups?: RollupMaintenance) {
  const selectResponse = db.prepare<[string], ResponseRow>('SELECT * FROM responses WHERE id = ?');
  // Insert first: a new id (the common case) costs one statement; an existing id changes nothing here.
  // Positional parameters: this is the hottest statement, and binding by name costs more.
  const insertResponse = db.prepare(`INSERT INTO responses (id, survey_id, ${MUTABLE_COLUMNS.join(', ')}, created_at, updated_at)
    VALUES (${new Array(MUTABLE_COLUMNS.length + 4).fill('?').join(', ')}) ON CONFLICT (id) DO NOTHING`);
  const updateResponse = db.prepare(`UPDATE responses SET ${MUTABLE_COLUMNS.map((c) => `${c} = @${c}`).join(', ')},
    updated_at = @updated_at WHERE id = @id`);
  const selectEvent = db.prepare<[string], { survey_id: string; type: string }>('SELECT survey_id, type FROM events WHERE id = ?');
  const insertEvent = db.prepare(`INSERT INTO events (id, survey_id, type, touchpoint, channel, locale, page, created_at)
    VALUES (@id, @survey_id, @type, @touchpoint, @channel, @locale, @page, @created_at) ON CONFLICT (id) DO NOTHING`);

  return {
    /** Inserts or updates one response by its client id; throws 409 for a locked score or another survey's id. */
    upsertResponse(body: ResponseBody, now: number): IngestStatus {
      const values = newRowValues(body);
      if (insertResponse.run(body.id, body.surveyId, ...values, now, now).changes === 1) {
        rollups?.responseChanged(null, {
          survey_id: body.surveyId, created_at: now, score: body.score, comment: values[COMMENT_INDEX] as string | null,
          touchpoint: body.touchpoint ?? null, channel: body.channel ?? null, locale: body.locale ?? null, journey: body.journey ?? null,
        });
        return 'created';
      }
      const columns = columnsFromBody(body);
      const existing = selectResponse.get(body.id)!;
      if (existing.survey_id !== body.surveyId) {
        throw new HttpError(409, 'id_conflict', `id: response "${body.id}" belongs to another survey`);
      }
      if (existing.score !== body.score && now - existing.created_at > SCORE_CHANGE_WINDOW_MS) {
        throw new HttpError(409, 'score_locked', 'score: can only change within 30 minutes of the first send');
      }
      const merged = { ...existing, ...columns };
      if (MUTABLE_COLUMNS.every((c) => merged[c] === existing[c])) return 'unchanged';
      updateResponse.run({ ...merged, updated_at: now });
      rollups?.responseChanged(existing, merged);
      return 'updated';
    },

    /** Inserts an event once; the same id again is unchanged, or 409 when it differs. */
    insertEvent(body: EventBody, now: number): IngestStatus {
      const event = {
        id: body.id, survey_id: body.surveyId, type: body.type, touchpoint: body.touchpoint ?? null,
        channel: body.channel ?? null, locale: body.locale ?? null, page: body.page ?? null, created_at: now,
      };
      if (insertEvent.run(event).changes === 1) {
        rollups?.eventAdded(event);
        return 'created';
      }
      const existing = selectEvent.get(body.id)!;
      if (existing.survey_id !== body.surveyId || existing.type !== body.type) {
        throw new HttpError(409, 'id_conflict', `id: event "${body.id}" was recorded with another survey or type`);
      }
      return 'unchanged';
    },
  };
}
