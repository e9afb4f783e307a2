/** Close the loop: changing a response's loop and excluded flag, notes, the queue and SLA figures, as the API shows them. */
import type { Database } from '../db/database.ts';
import type { LoopFilter } from '../db/repositories/loop-queries.ts';
import type { LoopState } from '../db/repositories/loop-repository.ts';
import type { TransactionRepositories } from '../db/transaction-context.ts';
import { HttpError } from '../lib/errors.ts';
import { encodeLoopCursor } from './loop-cursor.ts';
import { loopStats } from './loop-stats.ts';
import { transitionLoop } from './loop-state.ts';
import { lifecycleOf, loopView, noteView, type LoopView } from './loop-view.ts';

/** What `PATCH /v1/responses/:id` may change. */
export interface ResponsePatch {
  status?: LoopState;
  closeReason?: string;
  assignee?: string | null;
  tags?: string[];
  excluded?: boolean;
}

/** 404 for an unknown response id. */
export function responseNotFound(id: string): HttpError {
  return new HttpError(404, 'response_not_found', `id: no response with id "${id}"`);
}

/**
 * Applies a patch inside the caller's transaction: the excluded flag through the response writer (rollups
 * follow), the loop through the state machine; a loop field on a response without a loop opens one by hand.
 */
export async function patchResponse(tx: TransactionRepositories, responseId: string, patch: ResponsePatch, now: number): Promise<void> {
  const surveyId = await tx.responses.surveyOf(responseId);
  if (surveyId === undefined) throw responseNotFound(responseId);
  if (patch.excluded !== undefined) await tx.responses.setExcluded(responseId, patch.excluded);
  const touchesLoop = patch.status !== undefined || patch.assignee !== undefined || patch.tags !== undefined || patch.closeReason !== undefined;
  if (!touchesLoop) return;
  await tx.loops.ensure(responseId, surveyId, now);
  const loop = (await tx.loops.get(responseId))!;
  const lifecycle = patch.status === undefined && patch.closeReason === undefined
    ? lifecycleOf(loop)
    : transitionLoop(lifecycleOf(loop), patch.status ?? loop.state, now, {
      closeReason: patch.closeReason, closeReasons: (await tx.loops.settings.get(loop.surveyId)).closeReasons,
    });
  await tx.loops.update(responseId, {
    ...lifecycle,
    assignee: patch.assignee === undefined ? loop.assignee : patch.assignee,
    tags: patch.tags === undefined ? loop.tags : [...new Set(patch.tags)],
  }, now);
}

/** Adds a note inside the caller's transaction, opening a loop by hand if needed. */
export async function addNote(tx: TransactionRepositories, responseId: string, note: { author: string; text: string }, now: number) {
  const surveyId = await tx.responses.surveyOf(responseId);
  if (surveyId === undefined) throw responseNotFound(responseId);
  await tx.loops.ensure(responseId, surveyId, now);
  return noteView(await tx.loops.addNote(responseId, note, now));
}

/** The loop service on one database. */
export function createLoopService(database: Database) {
  const view = async (loop: Parameters<typeof loopView>[0], now: number) => loopView(loop, (await database.loops.settings.get(loop.surveyId)).slaHours, now);
  const list = async (filter: LoopFilter, now: number): Promise<{ loops: LoopView[]; nextCursor: string | null }> => {
    const page = await database.loopQueries.list(filter, now);
    return { loops: await Promise.all(page.loops.map((loop) => view(loop, now))), nextCursor: page.next && encodeLoopCursor(page.next) };
  };

  const figures = async (surveyId: string, range: { from?: number; to?: number }, now: number) =>
    loopStats(await database.loopQueries.times(surveyId, range), (await database.loops.settings.get(surveyId)).slaHours, now);

  return {
    /** Applies a patch in one transaction and returns the response's excluded flag and loop. */
    async patchResponse(responseId: string, patch: ResponsePatch, now: number): Promise<{ id: string; excluded: boolean; loop: LoopView | null }> {
      await database.transaction((tx) => patchResponse(tx, responseId, patch, now));
      const [response, loop] = await Promise.all([database.responses.get(responseId), database.loops.get(responseId)]);
      return { id: responseId, excluded: response?.excluded ?? false, loop: loop ? await view(loop, now) : null };
    },
    /** Adds a note in one transaction and returns it. */
    addNote: (responseId: string, note: { author: string; text: string }, now: number) => database.transaction((tx) => addNote(tx, responseId, note, now)),
    /** One loop with its notes, or undefined when the response has none. */
    async getWithNotes(responseId: string, now: number) {
      const loop = await database.loops.get(responseId);
      if (!loop) return undefined;
      return { ...(await view(loop, now)), notes: (await database.loops.notes(responseId)).map(noteView) };
    },
    /** The loop queue, oldest first, with the cursor of the next page. */
    list,
    /** The SLA figures of the loops a survey opened in a range. */
    figures,
    /** The SLA figures with the survey's overdue loops. */
    async stats(surveyId: string, range: { from?: number; to?: number }, now: number) {
      return { surveyId, ...(await figures(surveyId, range, now)), overdue: (await list({ surveyId, overdue: true, limit: 100 }, now)).loops };
    },
  };
}

/** The loop service's interface. */
export type LoopService = ReturnType<typeof createLoopService>;
