import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import type { ResponseInsert } from '../../src/db/repositories/response-writer.ts';
import { databaseWithSurvey, tempDir } from '../helpers.ts';
import { dbRows } from '../support/db-rows.ts';
import { freshDatabaseLocation } from '../support/test-database.ts';

const AT = Date.parse('2026-03-02T09:00:00Z');
const TOUCHPOINTS = ['checkout', 'signup', 'support'];

/** Answer `index` of a batch: every column differs from row to row, so a value taken from the wrong row or column shows. */
function answer(index: number): ResponseInsert {
  return {
    id: `resp_${String(index).padStart(6, '0')}`, surveyId: 'demo', score: index % 11, comment: index % 4 === 0 ? `comment ${index}` : null,
    consent: index % 3 === 0 ? null : index % 3 === 1, userId: `user-${index}`, email: index % 5 === 0 ? `r${index}@example.com` : null,
    touchpoint: TOUCHPOINTS[index % 3], channel: index % 2 ? 'web' : 'app', journey: `step-${index % 7}`, locale: index % 2 ? 'en' : 'nl',
    page: `/page/${index}`, device: index % 2 ? 'desktop' : 'mobile', properties: JSON.stringify({ plan: `p${index}` }),
    createdAt: AT + index * 1000, updatedAt: AT + index * 1000 + 1,
  };
}

/** The stored row an answer should have become. */
function storedRow(row: ResponseInsert) {
  return {
    id: row.id, survey_id: row.surveyId, score: row.score, comment: row.comment, consent: row.consent === null ? null : row.consent ? 1 : 0,
    user_id: row.userId, email: row.email, touchpoint: row.touchpoint, channel: row.channel, journey: row.journey, locale: row.locale,
    page: row.page, device: row.device, properties: row.properties, created_at: row.createdAt, updated_at: row.updatedAt,
  };
}

describe('multi-row inserts (import, demo, and ingest batches on PostgreSQL)', () => {
  // Counts at, between and beyond the statement sizes, and more than one statement's worth (256).
  it.each([1, 2, 9, 33, 100, 257, 300])('%i answers are stored column for column, a repeated id once, a stored id left alone', async (count) => {
    const path = await freshDatabaseLocation(tempDir(), 'multi.db');
    const database = await openDatabase({ path, foldIntervalMs: 0 });
    await database.surveys.create({ id: 'demo', name: 'Demo', allowedOrigins: [] });
    const stored = { ...answer(0), score: 10, touchpoint: 'stored-before' };
    await database.transaction((tx) => tx.responses.insertMany([stored], { openLoops: false }));

    const answers = Array.from({ length: count }, (_, index) => answer(index + 1));
    // Answer 0 is already stored; the first answer comes twice (the first one wins).
    const batch = [answer(0), ...answers, { ...answers[0], score: 0, comment: 'the repeat' }];
    const counts = await database.transaction((tx) => tx.responses.insertMany(batch, { openLoops: true }));
    expect(counts).toEqual({ inserted: count, existing: 2 });

    const file = { dbPath: path };
    const rows = await dbRows(file, 'SELECT id, survey_id, score, comment, consent, user_id, email, touchpoint, channel, journey, locale, page, device, properties, created_at, updated_at FROM responses ORDER BY id');
    expect(rows.map((row) => ({ ...row, created_at: Number(row.created_at), updated_at: Number(row.updated_at) })))
      .toEqual([stored, ...answers].map(storedRow));
    const detractors = answers.filter((row) => row.score <= 6).map((row) => ({ response_id: row.id }));
    expect(await dbRows(file, 'SELECT response_id FROM loops ORDER BY response_id')).toEqual(detractors);
    await database.close();
  });

  it('a batch of new answers opens its detractors\' loops together, beyond one statement\'s 256 rows too', async () => {
    const { path, database, batches } = await databaseWithSurvey('loops.db');
    const answers = Array.from({ length: 600 }, (_, index) => answer(index + 1));
    const statuses = await Promise.all(answers.map((row) => database.ingestResponse({ id: row.id, surveyId: 'demo', score: row.score }, row.createdAt)));
    expect(batches).toEqual([600]);
    expect(new Set(statuses)).toEqual(new Set(['created']));
    const detractors = answers.filter((row) => row.score <= 6);
    expect(detractors.length).toBeGreaterThan(256);
    expect(await dbRows({ dbPath: path }, 'SELECT response_id, state, opened_at FROM loops ORDER BY response_id')).toEqual(
      detractors.map((row) => ({ response_id: row.id, state: 'open', opened_at: row.createdAt })),
    );
    await database.close();
  });

  it('a batch of new answers with stored ids among them: each is written once and answered as if sent alone', async () => {
    const { path, database, batches } = await databaseWithSurvey('mixed.db');
    const answers = Array.from({ length: 100 }, (_, index) => answer(index + 1));
    // Sent before: answer 40 as it is now (unchanged), answer 90 without its comment (updated).
    await database.ingestResponse({ id: answers[39].id, surveyId: 'demo', score: answers[39].score }, AT);
    await database.ingestResponse({ id: answers[89].id, surveyId: 'demo', score: answers[89].score }, AT);
    batches.length = 0;
    const statuses = await Promise.all(answers.map((row, index) => database.ingestResponse({
      id: row.id, surveyId: 'demo', score: row.score, ...(index === 89 ? { comment: 'Added later' } : {}),
    }, AT + 1000)));
    expect(batches).toEqual([100]);
    expect(statuses.filter((status) => status === 'created')).toHaveLength(98);
    expect([statuses[39], statuses[89]]).toEqual(['unchanged', 'updated']);
    const file = { dbPath: path };
    expect(await dbRows(file, 'SELECT id, created_at, comment FROM responses ORDER BY id')).toEqual(answers.map((row, index) => ({
      id: row.id, created_at: index === 39 || index === 89 ? AT : AT + 1000, comment: index === 89 ? 'Added later' : null,
    })));
    expect(await dbRows(file, 'SELECT response_id FROM loops ORDER BY response_id'))
      .toEqual(answers.filter((row) => row.score <= 6).map((row) => ({ response_id: row.id })));
    await database.close();
  });
});
