/** Improvement actions in SQLite: create, read, list, update, with links to responses and themes. */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { HttpError } from '../../lib/errors.ts';
import { assertTransition } from '../../lib/state-machine.ts';
import { ACTION_TRANSITIONS, isActionOverdue, type ActionState } from '../../actions/action-state.ts';

/** Fields a client sets on an action. */
export interface ActionInput {
  surveyId: string;
  title: string;
  description?: string | null;
  owner?: string | null;
  state?: ActionState;
  dueDate?: string | null;
  responseIds?: string[];
  themes?: string[];
}

interface ActionRow {
  id: string; survey_id: string; title: string; description: string | null; owner: string | null; state: ActionState;
  due_date: string | null; themes: string; created_at: number; updated_at: number; done_at: number | null;
}

/** Filters of the action list. */
export interface ActionFilter {
  surveyId?: string;
  state?: ActionState[];
  owner?: string;
}

/** Action storage on one database. */
export function createActionStore(db: Database) {
  const selectOne = db.prepare<[string], ActionRow>('SELECT * FROM actions WHERE id = ?');
  const selectLinks = db.prepare<[string], { response_id: string }>('SELECT response_id FROM action_responses WHERE action_id = ? ORDER BY response_id');
  const insertLink = db.prepare('INSERT OR IGNORE INTO action_responses (action_id, response_id) VALUES (?, ?)');
  const responseSurvey = db.prepare<[string], { survey_id: string }>('SELECT survey_id FROM responses WHERE id = ?');

  function view(row: ActionRow, now: number) {
    const action = {
      id: row.id, surveyId: row.survey_id, title: row.title, description: row.description, owner: row.owner, state: row.state,
      dueDate: row.due_date, responseIds: selectLinks.all(row.id).map((link) => link.response_id), themes: JSON.parse(row.themes) as string[],
      createdAt: new Date(row.created_at).toISOString(), updatedAt: new Date(row.updated_at).toISOString(),
      doneAt: row.done_at === null ? null : new Date(row.done_at).toISOString(),
    };
    return { ...action, overdue: isActionOverdue(action, now) };
  }

  function link(actionId: string, surveyId: string, responseIds: readonly string[]): void {
    const foreign = responseIds.filter((id) => responseSurvey.get(id)?.survey_id !== surveyId);
    if (foreign.length) throw new HttpError(400, 'invalid_request', `responseIds: no response of survey "${surveyId}" with id ${foreign.slice(0, 5).map((id) => `"${id}"`).join(', ')}`);
    db.prepare('DELETE FROM action_responses WHERE action_id = ?').run(actionId);
    for (const id of responseIds) insertLink.run(actionId, id);
  }

  return {
    /** Creates an action (state `proposed` unless given) and returns it. */
    create(input: ActionInput, now: number) {
      const id = `act_${randomBytes(8).toString('hex')}`;
      return db.transaction(() => {
        db.prepare(`INSERT INTO actions (id, survey_id, title, description, owner, state, due_date, themes, created_at, updated_at, done_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, input.surveyId, input.title, input.description ?? null, input.owner ?? null,
          input.state ?? 'proposed', input.dueDate ?? null, JSON.stringify([...new Set(input.themes ?? [])]), now, now, input.state === 'done' ? now : null);
        link(id, input.surveyId, input.responseIds ?? []);
        return view(selectOne.get(id)!, now);
      }).immediate();
    },
    /** One action, or undefined. */
    get(id: string, now: number) {
      const row = selectOne.get(id);
      return row && view(row, now);
    },
    /** Actions matching the filter: due first (soonest first), then undated, oldest first. */
    list(filter: ActionFilter, now: number) {
      const rows = db.prepare<[], ActionRow>('SELECT * FROM actions ORDER BY due_date IS NULL, due_date, created_at, id').all();
      return rows
        .filter((row) => (!filter.surveyId || row.survey_id === filter.surveyId) && (!filter.state?.length || filter.state.includes(row.state)) && (!filter.owner || row.owner === filter.owner))
        .map((row) => view(row, now));
    },
    /** Applies a partial update; 409 for a state move the machine forbids, undefined when the action does not exist. */
    update(id: string, patch: Partial<Omit<ActionInput, 'surveyId'>>, now: number) {
      return db.transaction(() => {
        const row = selectOne.get(id);
        if (!row) return undefined;
        const state = patch.state ?? row.state;
        assertTransition(ACTION_TRANSITIONS, row.state, state, 'state');
        const doneAt = state === 'done' ? (row.state === 'done' ? row.done_at : now) : null;
        const pick = <T>(value: T | undefined, current: T) => (value === undefined ? current : value);
        db.prepare(`UPDATE actions SET title = ?, description = ?, owner = ?, state = ?, due_date = ?, themes = ?, updated_at = ?, done_at = ? WHERE id = ?`)
          .run(pick(patch.title, row.title), pick(patch.description, row.description), pick(patch.owner, row.owner), state,
            pick(patch.dueDate, row.due_date), patch.themes ? JSON.stringify([...new Set(patch.themes)]) : row.themes, now, doneAt, id);
        if (patch.responseIds) link(id, row.survey_id, patch.responseIds);
        return view(selectOne.get(id)!, now);
      }).immediate();
    },
  };
}

/** The action store's interface. */
export type ActionStore = ReturnType<typeof createActionStore>;
