/** The analytics side of the store: every read the analytics routes make, on one database. */
import type { Database } from 'better-sqlite3';
import { hasExcludedColumn } from '../rollups/rollup-rebuild.ts';
import { exportResponses, type ExportFormat } from './export.ts';
import type { AnalyticsFilter } from './filters.ts';
import { createResponseList } from './response-list.ts';
import { createAnalyticsQueries } from './rollup-query.ts';
import { createThemeQuery } from './theme-query.ts';

/** Builds the analytics reads; call after migrations so the schema is known. */
export function createAnalyticsStore(db: Database) {
  const excluded = hasExcludedColumn(db);
  const queries = createAnalyticsQueries(db, { hasExcludedColumn: excluded });
  const firstResponseAt = db.prepare<[string], { at: number | null }>('SELECT MIN(created_at) AS at FROM responses WHERE survey_id = ?');
  return {
    ...queries,
    /** Responses newest first, filtered and paginated. */
    listResponses: createResponseList(db, excluded),
    /** Recurring terms in comments. */
    themes: createThemeQuery(db, excluded),
    /** The export as a stream of text chunks. */
    exportResponses: (filter: AnalyticsFilter, format: ExportFormat) => exportResponses(db, filter, format, excluded),
    /** When the survey's first response arrived (UTC ms), or null. */
    firstResponseAt: (surveyId: string) => firstResponseAt.get(surveyId)?.at ?? null,
  };
}

/** The analytics store's interface. */
export type AnalyticsStore = ReturnType<typeof createAnalyticsStore>;
