/** Streams responses as CSV or NDJSON in constant memory: keyset pages, oldest first. */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Database } from 'better-sqlite3';
import { csvLine } from './csv.ts';
import type { AnalyticsFilter } from './filters.ts';
import { responseConditions } from '../db/analytics/raw-where.ts';
import { OPEN_FROM, OPEN_TO } from './rollup-query.ts';
import { RESPONSE_FIELDS, responseView, type StoredResponse } from './response-view.ts';

/** Export formats. */
export type ExportFormat = 'csv' | 'ndjson';

const PAGE_SIZE = 1000;

/**
 * The export as text chunks, one page of rows at a time. Pages are read with
 * `all()` (not an open iterator) and the event loop gets a turn between them,
 * so the writer is never blocked behind a long download.
 */
export async function* exportResponses(db: Database, filter: AnalyticsFilter, format: ExportFormat): AsyncGenerator<string> {
  const where = responseConditions(filter);
  const page = db.prepare(`SELECT r.rowid AS row_id, r.* FROM responses AS r
    WHERE r.survey_id = ? AND r.created_at >= ? AND r.created_at < ? AND ${where.sql} AND (r.created_at, r.rowid) > (?, ?)
    ORDER BY r.created_at, r.rowid LIMIT ${PAGE_SIZE}`);
  if (format === 'csv') yield csvLine(RESPONSE_FIELDS);
  // Keyset: each page starts its index seek right after the last row sent.
  let after: [number, number] = [filter.from ?? OPEN_FROM, -1];
  for (;;) {
    const rows = page.all(filter.surveyId, after[0], filter.to ?? OPEN_TO, ...where.params, ...after) as (StoredResponse & { row_id: number })[];
    if (rows.length === 0) return;
    let chunk = '';
    for (const row of rows) {
      const view = responseView(row);
      chunk += format === 'csv' ? csvLine(RESPONSE_FIELDS.map((field) => view[field])) : `${JSON.stringify(view)}\n`;
    }
    yield chunk;
    const last = rows[rows.length - 1];
    after = [last.created_at, last.row_id];
    await yieldToEventLoop();
  }
}
