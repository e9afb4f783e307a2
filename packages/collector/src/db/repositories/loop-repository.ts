/** Loop storage: opening loops, changing their state and fields, notes, and the excluded flag of responses. */
import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { HttpError } from '../../lib/errors.ts';
import type { ResponseRow } from './response-writer.ts';
import { createLoopSettingsStore } from '../../loops/loop-settings.ts';
import { opensLoop, transitionLoop, type LoopState } from '../../loops/loop-state.ts';
import { LOOP_COLUMNS, lifecycleOf, loopView, type LoopRow, type LoopView } from '../../loops/loop-view.ts';
import { createRollupSync } from '../../loops/rollup-sync.ts';

/** What `PATCH /v1/responses/:id` may change. */
export interface ResponsePatch {
  status?: LoopState;
  closeReason?: string;
  assignee?: string | null;
  tags?: string[];
  excluded?: boolean;
}

/** A note on a loop. */
export interface LoopNote {
  id: string;
  author: string;
  text: string;
  createdAt: string;
}

/** 404 for an unknown response id. */
export function responseNotFound(id: string): HttpError {
  return new HttpError(404, 'response_not_found', `id: no response with id "${id}"`);
}

/** Loop reads and writes on one database. */
export function createLoopStore(db: Database) {
  const settings = createLoopSettingsStore(db);
  const selectResponse = db.prepare<[string], ResponseRow & { excluded: number }>('SELECT * FROM responses WHERE id = ?');
  const selectLoop = db.prepare<[string], LoopRow>(`SELECT ${LOOP_COLUMNS} FROM loops l JOIN responses r ON r.id = l.response_id WHERE l.response_id = ?`);
  const insertLoop = db.prepare(`INSERT INTO loops (response_id, survey_id, state, opened_at, updated_at)
    VALUES (?, ?, 'open', ?, ?) ON CONFLICT (response_id) DO NOTHING`);
  const updateLoop = db.prepare(`UPDATE loops SET state = @state, assignee = @assignee, tags = @tags, close_reason = @closeReason,
    first_contact_at = @firstContactAt, resolved_at = @resolvedAt, closed_at = @closedAt, updated_at = @now WHERE response_id = @id`);
  const deleteUntouched = db.prepare(`DELETE FROM loops WHERE response_id = ? AND state = 'open' AND assignee IS NULL AND tags = '[]'
    AND NOT EXISTS (SELECT 1 FROM loop_notes n WHERE n.response_id = loops.response_id)`);
  const setExcluded = db.prepare('UPDATE responses SET excluded = ? WHERE id = ?');
  const insertNote = db.prepare('INSERT INTO loop_notes (id, response_id, author, text, created_at) VALUES (?, ?, ?, ?, ?)');
  const selectNotes = db.prepare<[string], { id: string; author: string; text: string; created_at: number }>(
    'SELECT id, author, text, created_at FROM loop_notes WHERE response_id = ? ORDER BY created_at, rowid');

  const view = (row: LoopRow, now: number) => loopView(row, settings.get(row.survey_id).slaHours, now);

  function requireResponse(id: string) {
    const response = selectResponse.get(id);
    if (!response) throw responseNotFound(id);
    return response;
  }

  return {
    settings,

    /** Opens a loop for a response just created (the ingest hot path: no loop can exist yet, nothing to re-read or retract). */
    openLoopForNewResponse(responseId: string, surveyId: string, score: number, now: number): 'opened' | 'none' {
      if (!opensLoop(score, settings.get(surveyId))) return 'none';
      return insertLoop.run(responseId, surveyId, now, now).changes > 0 ? 'opened' : 'none';
    },

    /** Opens a loop for a stored response when its survey's rules say so (once); retracts an untouched one whose score no longer qualifies. */
    syncLoopForResponse(responseId: string, now: number): { surveyId: string | null; change: 'opened' | 'removed' | 'none' } {
      const response = selectResponse.get(responseId);
      if (!response) return { surveyId: null, change: 'none' };
      const surveyId = response.survey_id;
      if (response.excluded === 1) return { surveyId, change: 'none' };
      if (opensLoop(response.score, settings.get(surveyId))) {
        return { surveyId, change: insertLoop.run(responseId, surveyId, now, now).changes > 0 ? 'opened' : 'none' };
      }
      return { surveyId, change: deleteUntouched.run(responseId).changes > 0 ? 'removed' : 'none' };
    },

    /** One loop with its notes, or undefined when the response has none. */
    getLoop(responseId: string, now: number): (LoopView & { notes: LoopNote[] }) | undefined {
      const row = selectLoop.get(responseId);
      if (!row) return undefined;
      const notes = selectNotes.all(responseId).map((note) => ({ id: note.id, author: note.author, text: note.text, createdAt: new Date(note.created_at).toISOString() }));
      return { ...view(row, now), notes };
    },

    /** Applies a patch in one transaction; a loop field on a response without a loop opens one by hand. */
    patchResponse(responseId: string, patch: ResponsePatch, now: number): { id: string; excluded: boolean; loop: LoopView | null } {
      return db.transaction(() => {
        const response = requireResponse(responseId);
        if (patch.excluded !== undefined && (response.excluded === 1) !== patch.excluded) {
          const rollups = createRollupSync(db);
          setExcluded.run(patch.excluded ? 1 : 0, responseId);
          rollups.change(response, { ...response, excluded: patch.excluded ? 1 : 0 });
          rollups.flush();
        }
        const touchesLoop = patch.status !== undefined || patch.assignee !== undefined || patch.tags !== undefined || patch.closeReason !== undefined;
        if (touchesLoop) insertLoop.run(responseId, response.survey_id, now, now);
        const row = selectLoop.get(responseId);
        if (row && touchesLoop) {
          const lifecycle = patch.status === undefined && patch.closeReason === undefined
            ? lifecycleOf(row)
            : transitionLoop(lifecycleOf(row), patch.status ?? row.state, now, {
              closeReason: patch.closeReason, closeReasons: settings.get(row.survey_id).closeReasons,
            });
          updateLoop.run({
            ...lifecycle, id: responseId, now,
            assignee: patch.assignee === undefined ? row.assignee : patch.assignee,
            tags: patch.tags === undefined ? row.tags : JSON.stringify([...new Set(patch.tags)]),
          });
        }
        const after = selectLoop.get(responseId);
        return { id: responseId, excluded: (selectResponse.get(responseId)?.excluded ?? 0) === 1, loop: after ? view(after, now) : null };
      }).immediate();
    },

    /** Adds a note to a response's loop (opening one by hand if needed) and returns it. */
    addNote(responseId: string, note: { author: string; text: string }, now: number): LoopNote {
      return db.transaction(() => {
        const response = requireResponse(responseId);
        insertLoop.run(responseId, response.survey_id, now, now);
        const id = `note_${randomBytes(8).toString('hex')}`;
        insertNote.run(id, responseId, note.author, note.text, now);
        db.prepare('UPDATE loops SET updated_at = ? WHERE response_id = ?').run(now, responseId);
        return { id, author: note.author, text: note.text, createdAt: new Date(now).toISOString() };
      }).immediate();
    },
  };
}

/** The loop store's interface. */
export type LoopStore = ReturnType<typeof createLoopStore>;
