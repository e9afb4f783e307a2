/** Counts straight from raw rows: the fallback for filters rollups cannot serve, and the edges of ranges. */
import type { Database, Statement } from 'better-sqlite3';
import { COUNTER } from '../rollups/rollup-delta.ts';
import { emptyCounters, type Counters } from '../../analytics/counters.ts';
import type { AnalyticsFilter } from '../../analytics/filters.ts';
import { eventConditions, propertyPath, responseConditions } from './raw-where.ts';

/** A time range tagged with the bucket it adds to. */
export interface KeyedRange {
  from: number;
  to: number;
  key: number;
}

/** What raw segments group by: a response column or a custom property. */
export type RawGrouping = { column: 'touchpoint' | 'channel' | 'locale' | 'journey' } | { property: string };

const RESPONSE_SUMS = `r.score, COUNT(*), SUM(r.comment IS NOT NULL), SUM(r.channel IS NULL OR r.channel IN ('web', 'app'))`;
// CROSS JOIN keeps the ranges as the outer loop, so each one is an index range seek.
const RANGE_JOIN = `FROM json_each(?) AS b CROSS JOIN responses AS r
  ON r.survey_id = ? AND r.created_at >= b.value ->> 0 AND r.created_at < b.value ->> 1`;

function rangesJson(ranges: readonly KeyedRange[]): string {
  return JSON.stringify(ranges.map((range) => [range.from, range.to, range.key]));
}

function addScoreRow(target: Counters, row: number[]): void {
  const [score, count, comments, prompted] = row;
  target[score] += count;
  target[COUNTER.comments] += comments;
  target[COUNTER.prompted] += prompted;
}

/** Raw-row counting on one database. */
export function createRawCounter(db: Database) {
  const cache = new Map<string, Statement<unknown[]>>();
  const prepared = (sql: string) => {
    let statement = cache.get(sql);
    if (!statement) {
      statement = db.prepare<unknown[]>(sql).raw();
      if (cache.size > 200) cache.clear();
      cache.set(sql, statement);
    }
    return statement;
  };

  return {
    /** Counters per range key for the filtered responses and, when attributable, events. */
    countByKey(filter: AnalyticsFilter, ranges: readonly KeyedRange[]): Map<number, Counters> {
      const totals = new Map<number, Counters>();
      if (ranges.length === 0) return totals;
      const json = rangesJson(ranges);
      const at = (key: number) => totals.get(key) ?? totals.set(key, emptyCounters()).get(key)!;
      const where = responseConditions(filter);
      const responses = prepared(`SELECT b.value ->> 2, ${RESPONSE_SUMS} ${RANGE_JOIN} WHERE ${where.sql} GROUP BY 1, 2`);
      for (const [key, ...row] of responses.all(json, filter.surveyId, ...where.params) as number[][]) addScoreRow(at(key), row);
      const events = eventConditions(filter);
      if (events) {
        const sql = `SELECT b.value ->> 2, e.type, COUNT(*) FROM json_each(?) AS b CROSS JOIN events AS e
          ON e.survey_id = ? AND e.type IN ('shown', 'dismissed') AND e.created_at >= b.value ->> 0 AND e.created_at < b.value ->> 1
          WHERE ${events.sql} GROUP BY 1, 2`;
        for (const [key, type, count] of prepared(sql).all(json, filter.surveyId, ...events.params) as [number, string, number][]) {
          at(key)[type === 'shown' ? COUNTER.shown : COUNTER.dismissed] += count;
        }
      }
      return totals;
    },

    /** Response counters per segment value (`''` for none) over the ranges. */
    countByValue(filter: AnalyticsFilter, ranges: readonly KeyedRange[], grouping: RawGrouping): Map<string, Counters> {
      const totals = new Map<string, Counters>();
      if (ranges.length === 0) return totals;
      const where = responseConditions(filter);
      const groupSql = 'column' in grouping ? `r.${grouping.column}` : 'r.properties -> ?';
      const groupParams = 'column' in grouping ? [] : [propertyPath(grouping.property)];
      const sql = `SELECT ${groupSql} AS segment, ${RESPONSE_SUMS} ${RANGE_JOIN} WHERE ${where.sql} GROUP BY 1, 2`;
      const rows = prepared(sql).all(...groupParams, rangesJson(ranges), filter.surveyId, ...where.params) as [string | null, ...number[]][];
      for (const [segment, ...row] of rows) {
        const value = segment === null ? '' : 'column' in grouping ? segment : String(JSON.parse(segment));
        const target = totals.get(value) ?? totals.set(value, emptyCounters()).get(value)!;
        addScoreRow(target, row as number[]);
      }
      return totals;
    },
  };
}

/** The raw counter's interface. */
export type RawCounter = ReturnType<typeof createRawCounter>;
