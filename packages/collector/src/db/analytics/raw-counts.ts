/** Counts straight from raw rows: the fallback for filters rollups cannot serve, and the edges of ranges. */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import { joinEachPiece } from '../piece-join.ts';
import { COUNTER } from '../rollups/rollup-delta.ts';
import type { Schema } from '../schema.ts';
import type { AnalyticsFilter, FilterDimension } from './analytics-filter.ts';
import { emptyCounters, type Counters } from './counters.ts';
import { eventConditions, responseConditions } from './raw-where.ts';

/** A time range tagged with the bucket it adds to. */
export interface KeyedRange {
  from: number;
  to: number;
  key: number;
}

/** What raw segments group by: a response column or a custom property. */
export type RawGrouping = { column: FilterDimension } | { property: string };

interface ScoreRow {
  score: number;
  answers: number | string;
  comments: number | string | null;
  prompted: number | string | null;
}

function rangesJson(ranges: readonly KeyedRange[]): string {
  return JSON.stringify(ranges.map((range) => [range.from, range.to, range.key]));
}

function addScoreRow(target: Counters, row: ScoreRow): void {
  target[row.score] += Number(row.answers);
  target[COUNTER.comments] += Number(row.comments ?? 0);
  target[COUNTER.prompted] += Number(row.prompted ?? 0);
}

/** Raw-row counting on one database. */
export class RawCounts {
  constructor(private readonly db: Kysely<Schema>, private readonly dialectSql: DialectSql) {}

  /** Responses of the survey in the ranges (each range an index range seek: piece-join.ts), by score. */
  private responsesByScore(filter: AnalyticsFilter, ranges: readonly KeyedRange[]) {
    const { jsonArrayNumber } = this.dialectSql;
    return joinEachPiece(this.db, this.dialectSql, rangesJson(ranges), 'responses', 'r', [
      sql<SqlBool>`r.survey_id = ${filter.surveyId}`,
      sql<SqlBool>`r.created_at >= ${jsonArrayNumber('p.value', 0)}`, sql<SqlBool>`r.created_at < ${jsonArrayNumber('p.value', 1)}`,
      responseConditions(this.dialectSql, filter),
    ]).select((eb) => [
      'r.score', eb.fn.countAll<number>().as('answers'),
      sql<number>`SUM(CASE WHEN r.comment IS NOT NULL THEN 1 ELSE 0 END)`.as('comments'),
      sql<number>`SUM(CASE WHEN r.channel IS NULL OR r.channel IN ('web', 'app') THEN 1 ELSE 0 END)`.as('prompted'),
    ]);
  }

  /** Counters per range key for the filtered responses and, when attributable, events. */
  async countByKey(filter: AnalyticsFilter, ranges: readonly KeyedRange[]): Promise<Map<number, Counters>> {
    const totals = new Map<number, Counters>();
    if (ranges.length === 0) return totals;
    const at = (key: number) => totals.get(key) ?? totals.set(key, emptyCounters()).get(key)!;
    const keyOf = this.dialectSql.jsonArrayNumber('p.value', 2);
    const rows = await this.responsesByScore(filter, ranges).select(keyOf.as('k')).groupBy([keyOf, 'r.score']).execute();
    for (const row of rows) addScoreRow(at(Number(row.k)), row);
    const events = eventConditions(filter);
    if (events) {
      const { jsonArrayNumber } = this.dialectSql;
      const eventRows = await joinEachPiece(this.db, this.dialectSql, rangesJson(ranges), 'events', 'e', [
        sql<SqlBool>`e.survey_id = ${filter.surveyId}`, sql<SqlBool>`e.type IN ('shown', 'dismissed')`,
        sql<SqlBool>`e.created_at >= ${jsonArrayNumber('p.value', 0)}`, sql<SqlBool>`e.created_at < ${jsonArrayNumber('p.value', 1)}`, events,
      ]).select((eb) => [keyOf.as('k'), 'e.type', eb.fn.countAll<number>().as('count')]).groupBy([keyOf, 'e.type']).execute();
      for (const row of eventRows) at(Number(row.k))[row.type === 'shown' ? COUNTER.shown : COUNTER.dismissed] += Number(row.count);
    }
    return totals;
  }

  /** Response counters per segment value (`''` for none) over the ranges. */
  async countByValue(filter: AnalyticsFilter, ranges: readonly KeyedRange[], grouping: RawGrouping): Promise<Map<string, Counters>> {
    const totals = new Map<string, Counters>();
    if (ranges.length === 0) return totals;
    const segment = 'column' in grouping ? sql<string | null>`${sql.ref(`r.${grouping.column}`)}` : this.dialectSql.propertyJson('r.properties', grouping.property);
    const rows = await this.responsesByScore(filter, ranges).select(segment.as('segment')).groupBy([segment, 'r.score']).execute();
    for (const row of rows) {
      const value = row.segment === null ? '' : 'column' in grouping ? row.segment : String(JSON.parse(row.segment));
      addScoreRow(totals.get(value) ?? totals.set(value, emptyCounters()).get(value)!, row);
    }
    return totals;
  }
}
