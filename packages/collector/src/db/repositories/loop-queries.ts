/** The loop work queue with filters and keyset pagination, and the timestamps behind the SLA figures. */
import { sql } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import type { Executor } from '../executor.ts';
import type { LoopRecord, LoopState } from './loop-repository.ts';
import { selectLoopRecords, toLoopRecord } from './loop-repository.ts';
import { slaMsExpression } from './loop-settings-repository.ts';

/** Where a page of the queue starts: after this loop. */
export interface LoopPosition {
  openedAt: number;
  responseId: string;
}

/** Filters of the loop queue. */
export interface LoopFilter {
  surveyId?: string;
  state?: LoopState[];
  assignee?: string;
  unassigned?: boolean;
  tag?: string;
  overdue?: boolean;
  includeExcluded?: boolean;
  limit: number;
  after?: LoopPosition;
}

/** The timestamps of one loop that the SLA figures need. */
export interface LoopTimes {
  state: string;
  openedAt: number;
  firstContactAt: number | null;
  resolvedAt: number | null;
}

/** Loop queue queries on one executor. */
export class LoopQueries {
  constructor(private readonly executor: Executor, private readonly dialectSql: DialectSql) {}

  /** Loops matching the filter, oldest first (the queue order), and where the next page starts (null on the last). */
  async list(filter: LoopFilter, now: number): Promise<{ loops: LoopRecord[]; next: LoopPosition | null }> {
    let query = selectLoopRecords(this.executor.db);
    if (filter.surveyId) query = query.where('l.survey_id', '=', filter.surveyId);
    if (filter.state?.length) query = query.where('l.state', 'in', filter.state);
    if (filter.assignee) query = query.where('l.assignee', '=', filter.assignee);
    if (filter.unassigned) query = query.where('l.assignee', 'is', null);
    if (filter.tag) query = query.where(this.dialectSql.jsonListContains('l.tags', filter.tag));
    if (filter.overdue !== undefined) {
      const sla = slaMsExpression(this.dialectSql, sql`(SELECT s.settings FROM loop_settings AS s WHERE s.survey_id = l.survey_id)`);
      const overdue = sql<boolean>`(l.state = 'open' AND ${now} - l.opened_at > ${sla})`;
      query = query.where(filter.overdue ? overdue : sql<boolean>`NOT ${overdue}`);
    }
    if (!filter.includeExcluded) query = query.where('r.excluded', '=', 0);
    const after = filter.after;
    if (after) {
      query = query.where((eb) => eb.or([eb('l.opened_at', '>', after.openedAt), eb.and([eb('l.opened_at', '=', after.openedAt), eb('l.response_id', '>', after.responseId)])]));
    }
    const rows = await query.orderBy('l.opened_at').orderBy('l.response_id').limit(filter.limit + 1).execute();
    const loops = rows.slice(0, filter.limit).map(toLoopRecord);
    const last = loops.at(-1);
    return { loops, next: rows.length > filter.limit && last ? { openedAt: last.openedAt, responseId: last.responseId } : null };
  }

  /** The timestamps of a survey's loops opened in a range (excluded responses left out). */
  async times(surveyId: string, range: { from?: number; to?: number }): Promise<LoopTimes[]> {
    const rows = await this.executor.db.selectFrom('loops as l').innerJoin('responses as r', 'r.id', 'l.response_id')
      .select(['l.state', 'l.opened_at', 'l.first_contact_at', 'l.resolved_at'])
      .where('l.survey_id', '=', surveyId).where('l.opened_at', '>=', range.from ?? -8.64e15).where('l.opened_at', '<', range.to ?? 8.64e15)
      .where('r.excluded', '=', 0).execute();
    return rows.map((row) => ({ state: row.state, openedAt: row.opened_at, firstContactAt: row.first_contact_at, resolvedAt: row.resolved_at }));
  }
}
