/** A real SQLite file opened by the data layer, plus writers that go through the response writer (rollups kept in step). */
import { onTestFinished } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.ts';
import { tempDir } from '../helpers.ts';
import { freshDatabaseLocation } from '../support/test-database.ts';

/** A response as a test writes it. */
export interface TestResponse {
  id?: string;
  surveyId?: string;
  score: number;
  comment?: string | null;
  touchpoint?: string | null;
  channel?: string | null;
  locale?: string | null;
  journey?: string | null;
  properties?: Record<string, string | number | boolean> | null;
  createdAt: number;
}

/** An event as a test writes it. */
export interface TestEvent {
  surveyId?: string;
  type: 'shown' | 'dismissed';
  touchpoint?: string | null;
  channel?: string | null;
  locale?: string | null;
  createdAt: number;
}

/** The database and its file (for reading rows straight from it). */
export type AnalyticsDb = Database & { dbPath: string };

let sequence = 0;

/** Opens a fresh database in a temp dir (closed after the test; rollups folded only before reads) with surveys `demo` and any extra ids. */
export async function analyticsDb(surveyIds: string[] = []): Promise<AnalyticsDb> {
  const dbPath = await freshDatabaseLocation(tempDir(), 'analytics.db');
  const database = await openDatabase({ path: dbPath, foldIntervalMs: 0 });
  onTestFinished(() => database.close());
  await addSurveys(database, ['demo', ...surveyIds]);
  return Object.assign(database, { dbPath });
}

/** Creates surveys. */
export async function addSurveys(database: Database, ids: string[]): Promise<void> {
  for (const id of ids) await database.surveys.create({ id, name: id, allowedOrigins: [] }, 0);
}

/** Writes responses and events in one transaction through the response writer, as import does. */
export async function writeRows(database: Database, responses: TestResponse[], events: TestEvent[] = []): Promise<void> {
  await database.transaction(async (tx) => {
    await tx.responses.insertMany(responses.map((response) => ({
      id: response.id ?? `resp_${++sequence}`, surveyId: response.surveyId ?? 'demo', score: response.score, comment: response.comment ?? null,
      consent: null, userId: null, email: null, touchpoint: response.touchpoint ?? null, channel: response.channel ?? null,
      journey: response.journey ?? null, locale: response.locale ?? null, page: null, device: null,
      properties: response.properties ? JSON.stringify(response.properties) : null, createdAt: response.createdAt, updatedAt: response.createdAt,
    })), { openLoops: false });
    for (const event of events) {
      await tx.events.insert({
        id: `event_${++sequence}`, surveyId: event.surveyId ?? 'demo', type: event.type, touchpoint: event.touchpoint ?? null,
        channel: event.channel ?? null, locale: event.locale ?? null, page: null, createdAt: event.createdAt,
      });
    }
  });
}

/** Changes a stored response's score and comment (null removes it) through ingest, at the time it was first sent. */
export async function updateResponse(database: Database, id: string, change: { score: number; comment: string | null }): Promise<void> {
  const stored = (await database.responses.get(id))!;
  await database.ingestResponse({ id, surveyId: stored.surveyId, score: change.score, comment: change.comment ?? '' }, stored.createdAt);
}
