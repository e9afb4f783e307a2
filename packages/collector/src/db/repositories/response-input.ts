/** What ingest hands the response writer, how a body maps to columns, and the hooks that run after a write. */
import type { TransactionRepositories } from '../transaction-context.ts';
import type { ResponseRow } from './response-reads.ts';

/** A validated ingest body (see `ResponsePayload` in core): fields left out keep their stored value. */
export interface ResponseInput {
  id: string;
  surveyId: string;
  score: number;
  comment?: string;
  consent?: boolean;
  respondent?: { userId?: string; email?: string };
  touchpoint?: string;
  channel?: string;
  journey?: string;
  locale?: string;
  page?: string;
  device?: string;
  properties?: Record<string, string | number | boolean>;
}

/** The columns a body can set. */
export type MutableColumn = 'score' | 'comment' | 'consent' | 'user_id' | 'email' | 'touchpoint' | 'channel' | 'journey' | 'locale' | 'page' | 'device' | 'properties';

function sortedJson(properties: Record<string, unknown>): string {
  return JSON.stringify(Object.fromEntries(Object.entries(properties).sort(([a], [b]) => (a < b ? -1 : 1))));
}

/** Each column a body can set, and its value from the body; `undefined`: the body leaves the column as it is. */
const COLUMN_FROM_INPUT: readonly (readonly [MutableColumn, (input: ResponseInput) => string | number | null | undefined])[] = [
  ['score', (input) => input.score],
  ['comment', (input) => (input.comment === undefined ? undefined : input.comment.trim() === '' ? null : input.comment)],
  ['consent', (input) => (input.consent === undefined ? undefined : input.consent ? 1 : 0)],
  ['user_id', (input) => input.respondent?.userId],
  ['email', (input) => input.respondent?.email],
  ['touchpoint', (input) => input.touchpoint],
  ['channel', (input) => input.channel],
  ['journey', (input) => input.journey],
  ['locale', (input) => input.locale],
  ['page', (input) => input.page],
  ['device', (input) => input.device],
  ['properties', (input) => (input.properties === undefined ? undefined : sortedJson(input.properties))],
];

/** The columns a body can set, in storage order. */
export const MUTABLE_COLUMNS: readonly MutableColumn[] = COLUMN_FROM_INPUT.map(([column]) => column);

/** A new response row's values, by the names the writer's insert statements take. */
export type NewRowValues = Record<MutableColumn | 'id' | 'surveyId' | 'createdAt' | 'updatedAt', string | number | null>;

/** A new row's values: what the body sets, null for the rest, and the times (the ingest hot path: one object). */
export function newRowValues(input: ResponseInput, now: number): NewRowValues {
  const values = { id: input.id, surveyId: input.surveyId, createdAt: now, updatedAt: now } as NewRowValues;
  for (const [column, read] of COLUMN_FROM_INPUT) values[column] = read(input) ?? null;
  return values;
}

/** The stored row with what the body sets laid over it. */
export function mergeInput(existing: ResponseRow, input: ResponseInput): ResponseRow {
  const merged = { ...existing } as Record<MutableColumn, unknown>;
  for (const [column, read] of COLUMN_FROM_INPUT) {
    const value = read(input);
    if (value !== undefined) merged[column] = value;
  }
  return merged as ResponseRow;
}

/** What one ingest write did, as the hooks hear of it. */
export interface IngestChange {
  status: 'created' | 'updated';
  responseId: string;
  surveyId: string;
  /** What happened to the response's loop. */
  loop: 'opened' | 'removed' | 'none';
  now: number;
}

/**
 * Runs inside the ingest job, after the response is written and its loop opened, with the job's transaction:
 * a hook that throws undoes the whole job, and its caller gets the error. The loop of a new answer may not be a
 * row yet (SQLite writes a batch's new loops together, see `SharedParts.defersNewLoops`): `change.loop` says
 * whether one opened. A job may run again when its batch is rolled back for another job's failure, so a hook
 * writes only through `tx` (no messages sent from here). A hook with nothing to do may return undefined at once
 * rather than a promise (no await on the hot path).
 */
export type IngestHook = (change: IngestChange, tx: TransactionRepositories) => Promise<void> | undefined;
