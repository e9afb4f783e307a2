/** Personal links: the secrets they are signed with (rotatable) and one row per recipient's link. */
import { randomBytes } from 'node:crypto';
import type { Selectable } from 'kysely';
import type { Executor } from '../executor.ts';
import type { SurveyLinksTable } from '../schema.ts';

/** A signing secret: its number (carried in each token) and its 32 random bytes. */
export interface LinkSecret {
  id: number;
  key: Buffer;
  retired: boolean;
}

/** A personal link as stored (times in epoch ms). */
export interface LinkRecord {
  id: string;
  surveyId: string;
  /** The response every click of this link writes, so a second click updates the same answer. */
  responseId: string;
  email: string | null;
  userId: string | null;
  traits: Record<string, string | number | boolean> | null;
  touchpoint: string | null;
  channel: string;
  expiresAt: number;
  createdAt: number;
}

/** The most secrets a database can have had: a token names its secret in one byte. */
export const MAX_LINK_SECRETS = 255;

const toLink = (row: Selectable<SurveyLinksTable>): LinkRecord => ({
  id: row.id, surveyId: row.survey_id, responseId: row.response_id, email: row.email, userId: row.user_id,
  traits: row.traits === null ? null : JSON.parse(row.traits), touchpoint: row.touchpoint, channel: row.channel,
  expiresAt: Number(row.expires_at), createdAt: Number(row.created_at),
});

/** Link secrets and links. */
export class LinkRepository {
  constructor(private readonly executor: Executor) {}

  /** Every secret, newest first (retired ones included, so their links can be told apart from tampered ones). */
  async secrets(): Promise<LinkSecret[]> {
    const rows = await this.executor.db.selectFrom('link_secrets').selectAll().orderBy('id', 'desc').execute();
    return rows.map((row) => ({ id: Number(row.id), key: Buffer.from(row.secret, 'base64url'), retired: row.retired_at !== null }));
  }

  /** The secret new links are signed with: the newest unretired one, made on first use. */
  async signingSecret(now: number): Promise<LinkSecret> {
    const current = (await this.secrets()).find((secret) => !secret.retired);
    if (current) return current;
    await this.insertSecret(1, now);
    return (await this.secrets()).find((secret) => !secret.retired)!;
  }

  /** Adds a new signing secret; with `retireOthers`, every link signed before stops working. Resolves to its number. */
  async rotate(options: { retireOthers: boolean }, now: number): Promise<number> {
    const newest = (await this.secrets())[0]?.id ?? 0;
    if (newest >= MAX_LINK_SECRETS) throw new Error(`link secrets: all ${MAX_LINK_SECRETS} numbers are used`);
    await this.insertSecret(newest + 1, now);
    if (options.retireOthers) {
      await this.executor.db.updateTable('link_secrets').set({ retired_at: now }).where('id', '<', newest + 1).where('retired_at', 'is', null).execute();
    }
    return newest + 1;
  }

  /** Stores new links. */
  async create(links: readonly LinkRecord[]): Promise<void> {
    if (links.length === 0) return;
    await this.executor.db.insertInto('survey_links').values(links.map((link) => ({
      id: link.id, survey_id: link.surveyId, response_id: link.responseId, email: link.email, user_id: link.userId,
      traits: link.traits === null ? null : JSON.stringify(link.traits), touchpoint: link.touchpoint, channel: link.channel,
      expires_at: link.expiresAt, created_at: link.createdAt,
    }))).execute();
  }

  /** One link by its id. */
  async get(id: string): Promise<LinkRecord | undefined> {
    const row = await this.executor.db.selectFrom('survey_links').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toLink(row);
  }

  /** A survey's links, newest first, each with whether it was answered. */
  async list(surveyId: string, limit: number): Promise<Array<LinkRecord & { answered: boolean }>> {
    const rows = await this.executor.db.selectFrom('survey_links as l').leftJoin('responses as r', 'r.id', 'l.response_id')
      .selectAll('l').select('r.id as answered_id').where('l.survey_id', '=', surveyId)
      .orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').limit(limit).execute();
    return rows.map(({ answered_id: answeredId, ...row }) => ({ ...toLink(row), answered: answeredId !== null }));
  }

  /** How many links a survey has, and how many of them were answered. */
  async countForSurvey(surveyId: string): Promise<{ links: number; answered: number }> {
    const row = await this.executor.db.selectFrom('survey_links as l').leftJoin('responses as r', 'r.id', 'l.response_id')
      .select((eb) => [eb.fn.countAll<number>().as('links'), eb.fn.count<number>('r.id').as('answered')])
      .where('l.survey_id', '=', surveyId).executeTakeFirstOrThrow();
    return { links: Number(row.links), answered: Number(row.answered) };
  }

  private async insertSecret(id: number, now: number): Promise<void> {
    // Two processes making the first secret at once: one insert wins, both then read it.
    await this.executor.db.insertInto('link_secrets').values({ id, secret: randomBytes(32).toString('base64url'), created_at: now, retired_at: null })
      .onConflict((conflict) => conflict.column('id').doNothing()).execute();
  }
}
