/** Filtered reads of many responses: the newest-first list with search and keyset pages, export pages, comments for themes. */
import type { Kysely } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import { toStoredResponse, type StoredResponse } from '../repositories/response-reads.ts';
import type { Schema } from '../schema.ts';
import { OPEN_FROM, OPEN_TO, type AnalyticsFilter } from './analytics-filter.ts';
import { responseConditions } from './raw-where.ts';

/** A position in time order: the response's time, and its id to break ties. */
export interface ResponsePosition {
  createdAt: number;
  id: string;
}

/** What the list narrows to beyond the common filter. */
export interface ListOptions {
  scores?: readonly [min: number, max: number];
  hasComment?: boolean;
  /** Only responses whose loop is in this state. */
  loopState?: string;
  /** Words every comment must hold (the last one as a prefix). */
  words?: readonly string[];
  /** Start after this position (newest first: older responses come next). */
  before?: ResponsePosition;
  limit: number;
}

/** Responses in bulk on one database. */
export class ResponseList {
  constructor(private readonly db: Kysely<Schema>, private readonly dialectSql: DialectSql) {}

  /** The filtered responses of the survey within the filter's time range (the time index serves the range). */
  private filtered(filter: AnalyticsFilter) {
    return this.db.selectFrom('responses as r').selectAll('r')
      .where('r.survey_id', '=', filter.surveyId).where('r.created_at', '>=', filter.from ?? OPEN_FROM).where('r.created_at', '<', filter.to ?? OPEN_TO)
      .where(responseConditions(this.dialectSql, filter));
  }

  /** Responses newest first, one page, and the position the next page starts after (null on the last). */
  async list(filter: AnalyticsFilter, options: ListOptions): Promise<{ responses: StoredResponse[]; next: ResponsePosition | null }> {
    let query = this.filtered(filter);
    if (options.scores) query = query.where('r.score', '>=', options.scores[0]).where('r.score', '<=', options.scores[1]);
    if (options.hasComment !== undefined) query = query.where('r.comment', options.hasComment ? 'is not' : 'is', null);
    const loopState = options.loopState;
    if (loopState) {
      query = query.where((eb) => eb.exists(eb.selectFrom('loops as l').select('l.response_id').whereRef('l.response_id', '=', 'r.id').where('l.state', '=', loopState as 'open')));
    }
    if (options.words?.length) query = query.where(this.dialectSql.commentMatches('r', options.words));
    const before = options.before;
    if (before) {
      // The plain bound lets the index scan start at the cursor; the row value breaks ties.
      query = query.where('r.created_at', '<=', before.createdAt)
        .where((eb) => eb(eb.refTuple('r.created_at', 'r.id'), '<', eb.tuple(before.createdAt, before.id)));
    }
    const rows = await query.orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(options.limit + 1).execute();
    const responses = rows.slice(0, options.limit).map(toStoredResponse);
    const last = responses.at(-1);
    return { responses, next: rows.length > options.limit && last ? { createdAt: last.createdAt, id: last.id } : null };
  }

  /** One page of the export, oldest first, after `after` (keyset: each page's index seek starts where the last ended). */
  async exportPage(filter: AnalyticsFilter, after: ResponsePosition | null, pageSize: number): Promise<StoredResponse[]> {
    let query = this.filtered(filter);
    if (after) {
      // The plain bound starts the index scan at the last row sent; the row value breaks ties.
      query = query.where('r.created_at', '>=', after.createdAt).where((eb) => eb(eb.refTuple('r.created_at', 'r.id'), '>', eb.tuple(after.createdAt, after.id)));
    }
    const rows = await query.orderBy('r.created_at').orderBy('r.id').limit(pageSize).execute();
    return rows.map(toStoredResponse);
  }

  /** The newest comments (up to `limit`) with their scores, locales and times. */
  async comments(filter: AnalyticsFilter, limit: number): Promise<{ score: number; comment: string; locale: string | null; createdAt: number }[]> {
    const rows = await this.db.selectFrom('responses as r').select(['r.score', 'r.comment', 'r.locale', 'r.created_at'])
      .where('r.survey_id', '=', filter.surveyId).where('r.created_at', '>=', filter.from ?? OPEN_FROM).where('r.created_at', '<', filter.to ?? OPEN_TO)
      .where('r.comment', 'is not', null).where(responseConditions(this.dialectSql, filter))
      .orderBy('r.created_at', 'desc').orderBy('r.id', 'desc').limit(limit).execute();
    return rows.map((row) => ({ score: row.score, comment: row.comment!, locale: row.locale, createdAt: Number(row.created_at) }));
  }

  /** When the survey's first response arrived (UTC ms), or null. */
  async firstResponseAt(surveyId: string): Promise<number | null> {
    const row = await this.db.selectFrom('responses').select((eb) => eb.fn.min('created_at').as('at')).where('survey_id', '=', surveyId).executeTakeFirst();
    return row?.at === null || row?.at === undefined ? null : Number(row.at);
  }
}
