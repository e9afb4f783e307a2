/** Improvement actions and their links to responses. */
import type { Selectable } from 'kysely';
import type { Executor } from '../executor.ts';
import type { ActionsTable } from '../schema.ts';

/** Where an action is. */
export type ActionState = ActionsTable['state'];

/** What size of change an action is: pick quick wins first, then bigger bets. */
export type ActionKind = 'quick_win' | 'bigger_bet';

/** An action as stored (times in epoch ms, the due date as YYYY-MM-DD). */
export interface ActionRecord {
  id: string;
  surveyId: string;
  title: string;
  description: string | null;
  owner: string | null;
  state: ActionState;
  kind: ActionKind;
  dueDate: string | null;
  themes: string[];
  /** The touchpoint it improves, or null. */
  touchpoint: string | null;
  responseIds: string[];
  /** The huddle it was made in, or null. */
  huddleId: string | null;
  createdAt: number;
  updatedAt: number;
  doneAt: number | null;
}

/** The fields an action is written with. */
export type ActionFields = Omit<ActionRecord, 'id' | 'surveyId' | 'responseIds' | 'huddleId' | 'createdAt'>;

/** Filters of the action list. */
export interface ActionFilter {
  surveyId?: string;
  state?: ActionState[];
  owner?: string;
  kind?: ActionKind;
  /** Only actions made in this huddle. */
  huddleId?: string;
}

/** Action storage on one executor. */
export class ActionRepository {
  constructor(private readonly executor: Executor) {}

  /** Stores a new action, made in a huddle when `huddleId` is given. */
  async insert(id: string, surveyId: string, fields: ActionFields, now: number, huddleId: string | null = null): Promise<void> {
    await this.executor.db.insertInto('actions').values({ id, survey_id: surveyId, ...columns(fields), created_at: now, huddle_id: huddleId }).execute();
  }

  /** Writes an action's fields. */
  async update(id: string, fields: ActionFields): Promise<void> {
    await this.executor.db.updateTable('actions').set(columns(fields)).where('id', '=', id).execute();
  }

  /** Replaces the responses an action is linked to. */
  async link(id: string, responseIds: readonly string[]): Promise<void> {
    await this.executor.db.deleteFrom('action_responses').where('action_id', '=', id).execute();
    const unique = [...new Set(responseIds)];
    if (unique.length) await this.executor.db.insertInto('action_responses').values(unique.map((responseId) => ({ action_id: id, response_id: responseId }))).execute();
  }

  /** One action, or undefined. */
  async get(id: string): Promise<ActionRecord | undefined> {
    const row = await this.executor.db.selectFrom('actions').selectAll().where('id', '=', id).executeTakeFirst();
    return row && (await this.withLinks([row]))[0];
  }

  /** Actions matching the filter: dated ones first (soonest due first), then undated, oldest first. */
  async list(filter: ActionFilter): Promise<ActionRecord[]> {
    let query = this.executor.db.selectFrom('actions').selectAll();
    if (filter.surveyId) query = query.where('survey_id', '=', filter.surveyId);
    if (filter.state?.length) query = query.where('state', 'in', filter.state);
    if (filter.owner) query = query.where('owner', '=', filter.owner);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.huddleId) query = query.where('huddle_id', '=', filter.huddleId);
    const rows = await query.orderBy((eb) => eb('due_date', 'is', null)).orderBy('due_date').orderBy('created_at').orderBy('id').execute();
    return this.withLinks(rows);
  }

  private async withLinks(rows: Selectable<ActionsTable>[]): Promise<ActionRecord[]> {
    const links = rows.length === 0 ? [] : await this.executor.db.selectFrom('action_responses').select(['action_id', 'response_id'])
      .where('action_id', 'in', rows.map((row) => row.id)).orderBy('response_id').execute();
    return rows.map((row) => ({
      id: row.id, surveyId: row.survey_id, title: row.title, description: row.description, owner: row.owner, state: row.state,
      kind: row.kind, dueDate: row.due_date, themes: JSON.parse(row.themes) as string[], touchpoint: row.touchpoint,
      responseIds: links.filter((link) => link.action_id === row.id).map((link) => link.response_id), huddleId: row.huddle_id,
      createdAt: row.created_at, updatedAt: row.updated_at, doneAt: row.done_at,
    }));
  }
}

function columns(fields: ActionFields) {
  return {
    title: fields.title, description: fields.description, owner: fields.owner, state: fields.state, kind: fields.kind, due_date: fields.dueDate,
    touchpoint: fields.touchpoint,
    themes: JSON.stringify([...new Set(fields.themes)]), updated_at: fields.updatedAt, done_at: fields.doneAt,
  };
}
