/** Loop listing with filters and keyset pagination, and the rows behind the SLA figures. */
import type { Database } from 'better-sqlite3';
import type { LoopSettingsStore } from '../../loops/loop-settings.ts';
import { DEFAULT_LOOP_SETTINGS, type LoopState } from '../../loops/loop-state.ts';
import type { LoopTimes } from '../../loops/loop-stats.ts';
import { LOOP_COLUMNS, loopView, type LoopRow, type LoopView } from '../../loops/loop-view.ts';

/** A survey's SLA in ms from an SQL expression for its `loop_settings.settings` (NULL: never set, the default). */
export function slaMsSql(settings: string): string {
  return `(COALESCE(json_extract(${settings}, '$.slaHours'), ${DEFAULT_LOOP_SETTINGS.slaHours}) * 3600000)`;
}

/** The SLA in ms of the survey of the loop aliased `l`. */
export const SLA_MS_SQL = slaMsSql('(SELECT s.settings FROM loop_settings s WHERE s.survey_id = l.survey_id)');

/** Filters of `GET /v1/loops`. */
export interface LoopFilter {
  surveyId?: string;
  state?: LoopState[];
  assignee?: string;
  unassigned?: boolean;
  tag?: string;
  overdue?: boolean;
  includeExcluded?: boolean;
  limit: number;
  cursor?: { openedAt: number; responseId: string };
}

/** Opaque cursor for the next page: the last loop's opening time and response id. */
export function encodeLoopCursor(view: Pick<LoopView, 'openedAt' | 'responseId'>): string {
  return Buffer.from(`${Date.parse(view.openedAt)}:${view.responseId}`).toString('base64url');
}

/** The position a cursor names, or null when it is not one of ours. */
export function decodeLoopCursor(cursor: string): { openedAt: number; responseId: string } | null {
  const match = /^(-?\d{1,16}):([A-Za-z0-9_-]{1,64})$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? { openedAt: Number(match[1]), responseId: match[2] } : null;
}

/** Loop queries on one database. */
export function createLoopQueries(db: Database, settings: LoopSettingsStore) {
  return {
    /** Loops matching the filter, oldest first (the queue order), with the cursor of the next page. */
    list(filter: LoopFilter, now: number): { loops: LoopView[]; nextCursor: string | null } {
      const where: string[] = [];
      const params: Record<string, unknown> = { now, limit: filter.limit + 1, ...filter.cursor };
      const add = (condition: string, values: Record<string, unknown> = {}) => {
        where.push(condition);
        Object.assign(params, values);
      };
      if (filter.surveyId) add('l.survey_id = @surveyId', { surveyId: filter.surveyId });
      // States come validated from the enum; they are inlined so one statement shape serves every filter.
      if (filter.state?.length) add(`l.state IN (${filter.state.map((state) => `'${state.replace(/[^a-z_]/g, '')}'`).join(', ')})`);
      if (filter.assignee) add('l.assignee = @assignee', { assignee: filter.assignee });
      if (filter.unassigned) add('l.assignee IS NULL');
      if (filter.tag) add('EXISTS (SELECT 1 FROM json_each(l.tags) t WHERE t.value = @tag)', { tag: filter.tag });
      if (filter.overdue !== undefined) add(`${filter.overdue ? '' : 'NOT '}(l.state = 'open' AND @now - l.opened_at > ${SLA_MS_SQL})`);
      if (!filter.includeExcluded) add('r.excluded = 0');
      if (filter.cursor) add('(l.opened_at > @openedAt OR (l.opened_at = @openedAt AND l.response_id > @responseId))');
      const rows = db.prepare<Record<string, unknown>, LoopRow>(`SELECT ${LOOP_COLUMNS} FROM loops l JOIN responses r ON r.id = l.response_id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY l.opened_at, l.response_id LIMIT @limit`).all(params);
      const page = rows.slice(0, filter.limit).map((row) => loopView(row, settings.get(row.survey_id).slaHours, now));
      return { loops: page, nextCursor: rows.length > filter.limit ? encodeLoopCursor(page[page.length - 1]) : null };
    },

    /** The timestamps of a survey's loops opened in a range (excluded responses left out), for the SLA figures. */
    times(surveyId: string, range: { from?: number; to?: number }): LoopTimes[] {
      return db.prepare<[string, number, number], { state: string; opened_at: number; first_contact_at: number | null; resolved_at: number | null }>(
        `SELECT l.state, l.opened_at, l.first_contact_at, l.resolved_at FROM loops l JOIN responses r ON r.id = l.response_id
         WHERE l.survey_id = ? AND l.opened_at >= ? AND l.opened_at < ? AND r.excluded = 0`,
      ).all(surveyId, range.from ?? -8.64e15, range.to ?? 8.64e15)
        .map((row) => ({ state: row.state, openedAt: row.opened_at, firstContactAt: row.first_contact_at, resolvedAt: row.resolved_at }));
    },
  };
}
