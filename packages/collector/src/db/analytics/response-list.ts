/** Lists responses newest first with filters, full-text search and keyset pagination. */
import type { Database } from 'better-sqlite3';
import { scoreGroup, type ScoreGroup } from '@npsloop/core';
import { COMMENT_INDEX } from '../../rollups/rollup-schema.ts';
import { encodeCursor, type CursorPosition } from '../../analytics/cursor.ts';
import type { AnalyticsFilter } from '../../analytics/filters.ts';
import { responseConditions } from './raw-where.ts';
import { OPEN_FROM, OPEN_TO } from '../../analytics/rollup-query.ts';
import { responseView, type StoredResponse } from '../../analytics/response-view.ts';

/** What the list narrows to beyond the common filter. */
export interface ListOptions {
  group?: ScoreGroup;
  score?: number;
  hasComment?: boolean;
  /** Loop state (close the loop): only responses whose loop is in it. */
  status?: string;
  /** An FTS5 expression from `ftsQuery`. */
  match?: string;
  after?: CursorPosition;
  limit: number;
}

const GROUP_SCORES: Record<ScoreGroup, [number, number]> = { detractor: [0, 6], passive: [7, 8], promoter: [9, 10] };

/** Builds the list query on one database. */
export function createResponseList(db: Database) {
  return function listResponses(filter: AnalyticsFilter, options: ListOptions) {
    const where = responseConditions(filter);
    const parts = ['r.survey_id = ?', 'r.created_at >= ?', 'r.created_at < ?', where.sql];
    const params: (string | number)[] = [filter.surveyId, filter.from ?? OPEN_FROM, filter.to ?? OPEN_TO, ...where.params];
    if (options.group) {
      parts.push('r.score BETWEEN ? AND ?');
      params.push(...GROUP_SCORES[options.group]);
    }
    if (options.score !== undefined) {
      parts.push('r.score = ?');
      params.push(options.score);
    }
    if (options.hasComment !== undefined) parts.push(options.hasComment ? 'r.comment IS NOT NULL' : 'r.comment IS NULL');
    if (options.status) {
      parts.push('EXISTS (SELECT 1 FROM loops AS l WHERE l.response_id = r.id AND l.state = ?)');
      params.push(options.status);
    }
    if (options.match) {
      parts.push(`r.rowid IN (SELECT rowid FROM ${COMMENT_INDEX} WHERE ${COMMENT_INDEX} MATCH ?)`);
      params.push(options.match);
    }
    if (options.after) {
      // The plain bound lets SQLite start the index scan at the cursor; the row value breaks ties.
      parts.push('r.created_at <= ?', '(r.created_at, r.rowid) < (?, ?)');
      params.push(options.after.createdAt, options.after.createdAt, options.after.rowid);
    }
    const rows = db
      .prepare(`SELECT r.rowid AS row_id, r.* FROM responses AS r WHERE ${parts.join(' AND ')}
        ORDER BY r.created_at DESC, r.rowid DESC LIMIT ?`)
      .all(...params, options.limit + 1) as (StoredResponse & { row_id: number })[];
    const page = rows.slice(0, options.limit);
    const last = page.at(-1);
    return {
      responses: page.map((row) => ({ ...responseView(row), group: scoreGroup(row.score) })),
      nextCursor: rows.length > options.limit && last ? encodeCursor({ createdAt: last.created_at, rowid: last.row_id }) : null,
    };
  };
}
