/** The analytics side of the store: every read the analytics routes make, on one database. */
import type { Database } from 'better-sqlite3';
import type { ScoreGroup } from '@npsloop/core';
import { exportResponses, type ExportFormat } from './export.ts';
import { rollupSelector, type AnalyticsFilter } from './filters.ts';
import { createResponseList, type ListOptions } from '../db/analytics/response-list.ts';
import { createAnalyticsQueries, OPEN_FROM, OPEN_TO } from './rollup-query.ts';
import { createThemeQuery } from './theme-query.ts';

/** Options for `createAnalyticsStore`. */
export interface AnalyticsStoreOptions {
  /** The most answers a raw-row fallback may scan. */
  rawScanLimit?: number;
  /** Runs before every read: the write path's `fold`, so pending rollup deltas are counted. */
  beforeRead?: () => void;
}

/** Builds the analytics reads; call after migrations so the schema is known. */
export function createAnalyticsStore(db: Database, options: AnalyticsStoreOptions = {}) {
  const reads = analyticsReads(db, options);
  const beforeRead = options.beforeRead;
  if (!beforeRead) return reads;
  const wrapped = { ...reads };
  for (const [name, read] of Object.entries(reads) as [keyof typeof reads, (...args: unknown[]) => unknown][]) {
    (wrapped as Record<string, unknown>)[name] = (...args: unknown[]) => {
      beforeRead();
      return read(...args);
    };
  }
  return wrapped;
}

function analyticsReads(db: Database, options: AnalyticsStoreOptions) {
  const queries = createAnalyticsQueries(db, { rawScanLimit: options.rawScanLimit });
  const firstResponseAt = db.prepare<[string], { at: number | null }>('SELECT MIN(created_at) AS at FROM responses WHERE survey_id = ?');
  const list = createResponseList(db);
  const themes = createThemeQuery(db);
  return {
    ...queries,
    /**
     * Responses newest first, filtered and paginated. The list walks the time index and tests
     * filters row by row, so a dimension value with no answers is answered from the rollups at
     * once, and filters rollups cannot count are held to the raw-scan limit.
     */
    listResponses(filter: AnalyticsFilter, options: ListOptions) {
      const range = { from: filter.from ?? OPEN_FROM, to: filter.to ?? OPEN_TO };
      const selector = rollupSelector(filter);
      if (!selector) queries.guardRawScan(filter.surveyId, [range]);
      else if (selector.dim !== '*' && queries.countRanges(filter, [range], true)[0].every((count) => count === 0)) {
        return { responses: [], nextCursor: null };
      }
      return list(filter, options);
    },
    /** Recurring terms in comments (filters rollups cannot count are held to the raw-scan limit). */
    themes(filter: AnalyticsFilter, group: ScoreGroup | null, limit?: number) {
      if (!rollupSelector(filter)) queries.guardRawScan(filter.surveyId, [{ from: filter.from ?? OPEN_FROM, to: filter.to ?? OPEN_TO }]);
      return themes(filter, group, limit);
    },
    /** The export as a stream of text chunks. */
    exportResponses: (filter: AnalyticsFilter, format: ExportFormat) => exportResponses(db, filter, format),
    /** When the survey's first response arrived (UTC ms), or null. */
    firstResponseAt: (surveyId: string) => firstResponseAt.get(surveyId)?.at ?? null,
  };
}

/** The analytics store's interface. */
export type AnalyticsStore = ReturnType<typeof analyticsReads>;
