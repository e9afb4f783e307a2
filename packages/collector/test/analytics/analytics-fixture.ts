/** A real SQLite file with the collector schema and analytics tables, plus writers that keep rollups in step. */
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { onTestFinished } from 'vitest';
import { RollupDeltas } from '../../src/db/rollups/rollup-delta.ts';
import { eventFacts, responseFacts, type ResponseFactsRow } from '../../src/db/rollups/rollup-facts.ts';
import { ANALYTICS_SCHEMA_SQL, ROLLUP_TABLE } from '../../src/rollups/rollup-schema.ts';
import { createRollupWriter } from '../../src/db/rollups/rollup-writer.ts';
import { openDatabase } from '../../src/db/sqlite/sqlite-connection.ts';
import { tempDir } from '../helpers.ts';

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

let sequence = 0;

/** Opens a fresh migrated database in a temp dir (closed after the test) with surveys `demo` and any extra ids. */
export function analyticsDb(surveyIds: string[] = []): Database {
  const db = openDatabase(join(tempDir(), 'analytics.db'), 'NORMAL');
  onTestFinished(() => {
    db.close();
  });
  const installed = db.prepare(`SELECT COUNT(*) AS c FROM sqlite_master WHERE name = '${ROLLUP_TABLE}'`).get() as { c: number };
  if (installed.c === 0) db.exec(ANALYTICS_SCHEMA_SQL);
  addSurveys(db, ['demo', ...surveyIds]);
  return db;
}

/** Inserts survey rows. */
export function addSurveys(db: Database, ids: string[]): void {
  const insert = db.prepare('INSERT INTO surveys (id, name, created_at, updated_at) VALUES (?, ?, 0, 0)');
  for (const id of ids) insert.run(id, id);
}

/** Inserts responses and events in one transaction, rollups included, as the write path does. */
export function writeRows(db: Database, responses: TestResponse[], events: TestEvent[] = []): void {
  const writer = createRollupWriter(db);
  const insertResponse = db.prepare(`INSERT INTO responses (id, survey_id, score, comment, touchpoint, channel, locale, journey, properties, created_at, updated_at)
    VALUES (@id, @survey_id, @score, @comment, @touchpoint, @channel, @locale, @journey, @properties, @created_at, @created_at)`);
  const insertEvent = db.prepare(`INSERT INTO events (id, survey_id, type, touchpoint, channel, locale, created_at)
    VALUES (@id, @survey_id, @type, @touchpoint, @channel, @locale, @created_at)`);
  db.transaction(() => {
    const deltas = new RollupDeltas();
    for (const response of responses) {
      const row = {
        id: response.id ?? `resp_${++sequence}`, survey_id: response.surveyId ?? 'demo', score: response.score,
        comment: response.comment ?? null, touchpoint: response.touchpoint ?? null, channel: response.channel ?? null,
        locale: response.locale ?? null, journey: response.journey ?? null,
        properties: response.properties ? JSON.stringify(response.properties) : null, created_at: response.createdAt,
      };
      insertResponse.run(row);
      deltas.addResponseChange(null, responseFacts(row));
    }
    for (const event of events) {
      const row = {
        id: `event_${++sequence}`, survey_id: event.surveyId ?? 'demo', type: event.type, touchpoint: event.touchpoint ?? null,
        channel: event.channel ?? null, locale: event.locale ?? null, created_at: event.createdAt,
      };
      insertEvent.run(row);
      deltas.addEvent(eventFacts(row)!);
    }
    writer.flush(deltas);
  })();
}

/** Updates a stored response's score and comment, rollups included. */
export function updateResponse(db: Database, id: string, change: { score?: number; comment?: string | null }): void {
  const writer = createRollupWriter(db);
  db.transaction(() => {
    const before = db.prepare('SELECT * FROM responses WHERE id = ?').get(id) as ResponseFactsRow;
    const after = { ...before, ...change };
    db.prepare('UPDATE responses SET score = ?, comment = ? WHERE id = ?').run(after.score, after.comment, id);
    const deltas = new RollupDeltas();
    deltas.addResponseChange(responseFacts(before), responseFacts(after));
    writer.flush(deltas);
  })();
}
