/** Responses as the rest of the collector sees them, and the reads of single responses. */
import type { Selectable } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import type { Executor } from '../executor.ts';
import type { ResponsesTable } from '../schema.ts';

/** A stored row of `responses`. */
export type ResponseRow = Selectable<ResponsesTable>;

/** A stored response (times in epoch ms, properties parsed). */
export interface StoredResponse {
  id: string;
  surveyId: string;
  score: number;
  comment: string | null;
  consent: boolean | null;
  userId: string | null;
  email: string | null;
  touchpoint: string | null;
  channel: string | null;
  journey: string | null;
  locale: string | null;
  page: string | null;
  device: string | null;
  properties: Record<string, string | number | boolean> | null;
  createdAt: number;
  updatedAt: number;
  excluded: boolean;
}

/** A stored row as a domain record. */
export function toStoredResponse(row: ResponseRow): StoredResponse {
  return {
    id: row.id, surveyId: row.survey_id, score: row.score, comment: row.comment,
    consent: row.consent === null ? null : row.consent === 1, userId: row.user_id, email: row.email,
    touchpoint: row.touchpoint, channel: row.channel, journey: row.journey, locale: row.locale, page: row.page, device: row.device,
    properties: row.properties === null ? null : (JSON.parse(row.properties) as Record<string, string | number | boolean>),
    createdAt: row.created_at, updatedAt: row.updated_at, excluded: row.excluded === 1,
  };
}

/** Who to find: by email (case-insensitive) or by the site's user id. */
export type RespondentKey = { email: string; userId?: undefined } | { userId: string; email?: undefined };

/** Reads of single responses. */
export class ResponseReads {
  constructor(protected readonly executor: Executor, protected readonly dialectSql: DialectSql) {}

  /** One response, or undefined. */
  async get(id: string): Promise<StoredResponse | undefined> {
    const row = await this.executor.db.selectFrom('responses').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toStoredResponse(row);
  }

  /** The survey a response belongs to, or undefined when there is no such response. */
  async surveyOf(id: string): Promise<string | undefined> {
    return (await this.executor.db.selectFrom('responses').select('survey_id').where('id', '=', id).executeTakeFirst())?.survey_id;
  }

  /** Every response of one respondent (email ignoring case). */
  async ofRespondent(who: RespondentKey): Promise<StoredResponse[]> {
    let query = this.executor.db.selectFrom('responses').selectAll();
    query = who.email !== undefined ? query.where(this.dialectSql.equalsIgnoringCase('email', who.email)) : query.where('user_id', '=', who.userId);
    return (await query.execute()).map(toStoredResponse);
  }

  /** How many responses of a survey have ids starting with `prefix` (the demo data marks its own). */
  async countWithIdPrefix(surveyId: string, prefix: string): Promise<number> {
    const row = await this.executor.db.selectFrom('responses').select((eb) => eb.fn.countAll<number>().as('count'))
      .where('survey_id', '=', surveyId).where('id', '>=', prefix).where('id', '<', `${prefix}\uffff`).executeTakeFirstOrThrow();
    return Number(row.count);
  }
}
