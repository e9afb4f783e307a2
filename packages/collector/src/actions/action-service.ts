/** Improvement actions: create, read, list and update, with the state machine and links to responses of the same survey. */
import { randomBytes } from 'node:crypto';
import type { Database } from '../db/database.ts';
import type { ActionFields, ActionFilter, ActionKind, ActionRecord, ActionState } from '../db/repositories/action-repository.ts';
import type { TransactionRepositories } from '../db/transaction-context.ts';
import { HttpError } from '../lib/errors.ts';
import { assertTransition } from '../lib/state-machine.ts';
import { ACTION_TRANSITIONS, isActionOverdue } from './action-state.ts';

/** Fields a client sets on an action. */
export interface ActionInput {
  surveyId: string;
  title: string;
  description?: string | null;
  owner?: string | null;
  state?: ActionState;
  /** Quick win (the default) or bigger bet. */
  kind?: ActionKind;
  dueDate?: string | null;
  responseIds?: string[];
  themes?: string[];
  /** The touchpoint the action improves. */
  touchpoint?: string | null;
  /** The open huddle of the same survey the action is made in. */
  huddleId?: string | null;
}

/** An action as the API shows it. */
export function actionView(action: ActionRecord, now: number) {
  const view = {
    id: action.id, surveyId: action.surveyId, title: action.title, description: action.description, owner: action.owner, state: action.state, kind: action.kind,
    dueDate: action.dueDate, responseIds: action.responseIds, themes: action.themes, touchpoint: action.touchpoint, huddleId: action.huddleId,
    createdAt: new Date(action.createdAt).toISOString(), updatedAt: new Date(action.updatedAt).toISOString(),
    doneAt: action.doneAt === null ? null : new Date(action.doneAt).toISOString(),
  };
  return { ...view, overdue: isActionOverdue(view, now) };
}

/** An action as the API returns it. */
export type ActionView = ReturnType<typeof actionView>;

async function linkResponses(tx: TransactionRepositories, actionId: string, surveyId: string, responseIds: readonly string[]): Promise<void> {
  const foreign: string[] = [];
  for (const id of responseIds) if ((await tx.responses.surveyOf(id)) !== surveyId) foreign.push(id);
  if (foreign.length) throw new HttpError(400, 'invalid_request', `responseIds: no response of survey "${surveyId}" with id ${foreign.slice(0, 5).map((id) => `"${id}"`).join(', ')}`);
  await tx.actions.link(actionId, responseIds);
}

/** Refuses a huddle that is not an open huddle of the survey: actions are made in the meeting, not after it. */
async function assertOpenHuddle(tx: TransactionRepositories, huddleId: string, surveyId: string): Promise<void> {
  const huddle = await tx.huddles.get(huddleId);
  if (!huddle || huddle.surveyId !== surveyId) throw new HttpError(400, 'invalid_request', `huddleId: no huddle of survey "${surveyId}" with id "${huddleId}"`);
  if (huddle.closedAt !== null) throw new HttpError(409, 'huddle_closed', `huddleId: huddle "${huddleId}" is closed; actions are made in an open huddle`);
}

/** Creates an action (state `proposed` unless given) inside the caller's transaction. */
export async function createAction(tx: TransactionRepositories, input: ActionInput, now: number): Promise<ActionRecord> {
  const id = `act_${randomBytes(8).toString('hex')}`;
  if (input.huddleId) await assertOpenHuddle(tx, input.huddleId, input.surveyId);
  await tx.actions.insert(id, input.surveyId, {
    title: input.title, description: input.description ?? null, owner: input.owner ?? null, state: input.state ?? 'proposed',
    kind: input.kind ?? 'quick_win', dueDate: input.dueDate ?? null, themes: input.themes ?? [], touchpoint: input.touchpoint ?? null, updatedAt: now, doneAt: input.state === 'done' ? now : null,
  }, now, input.huddleId ?? null);
  await linkResponses(tx, id, input.surveyId, input.responseIds ?? []);
  return (await tx.actions.get(id))!;
}

/** Applies a partial update inside the caller's transaction; 409 for a state move the machine forbids, undefined when there is no such action. */
export async function updateAction(tx: TransactionRepositories, id: string, patch: Partial<Omit<ActionInput, 'surveyId'>>, now: number): Promise<ActionRecord | undefined> {
  const current = await tx.actions.get(id);
  if (!current) return undefined;
  const state = patch.state ?? current.state;
  assertTransition(ACTION_TRANSITIONS, current.state, state, 'state');
  const pick = <T>(value: T | undefined, stored: T) => (value === undefined ? stored : value);
  const fields: ActionFields = {
    title: pick(patch.title, current.title), description: pick(patch.description, current.description), owner: pick(patch.owner, current.owner),
    state, kind: pick(patch.kind, current.kind), dueDate: pick(patch.dueDate, current.dueDate), themes: pick(patch.themes, current.themes),
    touchpoint: pick(patch.touchpoint, current.touchpoint), updatedAt: now,
    doneAt: state === 'done' ? (current.state === 'done' ? current.doneAt : now) : null,
  };
  await tx.actions.update(id, fields);
  if (patch.responseIds) await linkResponses(tx, id, current.surveyId, patch.responseIds);
  return tx.actions.get(id);
}

/** The action service on one database. */
export function createActionService(database: Database) {
  return {
    /** Creates an action and returns it as the API shows it. */
    create: async (input: ActionInput, now: number) => actionView(await database.transaction((tx) => createAction(tx, input, now)), now),
    /** One action, or undefined. */
    async get(id: string, now: number) {
      const action = await database.actions.get(id);
      return action && actionView(action, now);
    },
    /** Actions matching the filter: due first (soonest first), then undated, oldest first. */
    list: async (filter: ActionFilter, now: number) => (await database.actions.list(filter)).map((action) => actionView(action, now)),
    /** Applies a partial update; undefined when the action does not exist. */
    async update(id: string, patch: Partial<Omit<ActionInput, 'surveyId'>>, now: number) {
      const action = await database.transaction((tx) => updateAction(tx, id, patch, now));
      return action && actionView(action, now);
    },
  };
}

/** The action service's interface. */
export type ActionService = ReturnType<typeof createActionService>;
