/** The huddle's reads from raw rows: answers per score, per segment value, and the period's comments. */
import { sql, type Kysely } from 'kysely';
import type { Schema } from '../schema.ts';
import type { FilterDimension } from './analytics-filter.ts';

/** A half-open range in UTC ms. */
export interface TimeSpan {
  from: number;
  to: number;
}

/** Huddle reads on one database; excluded (test) answers never count. */
export class HuddleReads {
  constructor(private readonly db: Kysely<Schema>) {}

  private answers(surveyId: string, span: TimeSpan) {
    return this.db.selectFrom('responses').where('survey_id', '=', surveyId).where('created_at', '>=', span.from).where('created_at', '<', span.to).where('excluded', '=', 0);
  }

  /** How many answers each score got. */
  async scoreCounts(surveyId: string, span: TimeSpan): Promise<{ score: number; count: number }[]> {
    const rows = await this.answers(surveyId, span).select((eb) => ['score', eb.fn.countAll<number>().as('count')]).groupBy('score').execute();
    return rows.map((row) => ({ score: row.score, count: Number(row.count) }));
  }

  /** How many answers each score got, per value of a dimension (answers without one left out). */
  async segmentScoreCounts(dim: FilterDimension, surveyId: string, span: TimeSpan): Promise<{ value: string; score: number; count: number }[]> {
    const column = sql.ref<string>(dim);
    const rows = await this.answers(surveyId, span).where(column, 'is not', null)
      .select((eb) => [column.as('value'), 'score', eb.fn.countAll<number>().as('count')]).groupBy([column, 'score']).execute();
    return rows.map((row) => ({ value: row.value, score: row.score, count: Number(row.count) }));
  }

  /** The period's comments with their scores and locales, newest first (at most `limit`). */
  async comments(surveyId: string, span: TimeSpan, limit: number): Promise<{ id: string; score: number; comment: string; locale: string | null; createdAt: number }[]> {
    const rows = await this.answers(surveyId, span).where('comment', 'is not', null).select(['id', 'score', 'comment', 'locale', 'created_at'])
      .orderBy('created_at', 'desc').limit(limit).execute();
    return rows.map((row) => ({ id: row.id, score: row.score, comment: row.comment!, locale: row.locale, createdAt: row.created_at }));
  }
}
