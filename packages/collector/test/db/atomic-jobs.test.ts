import { describe, expect, it } from 'vitest';
import { createAnalyticsService } from '../../src/analytics/analytics-service.ts';
import { openDatabase } from '../../src/db/database.ts';
import type { IngestHook } from '../../src/db/repositories/response-input.ts';
import { asAdmin, createSurvey, post, tempDir, testApp } from '../helpers.ts';
import { commentIndexHits, dbRows, dbValue } from '../support/db-rows.ts';
import { freshDatabaseLocation } from '../support/test-database.ts';

/** An ingest hook that throws for the response ids in `failing`, after the response and its loop were written. */
function failingHook(failing: Set<string>): IngestHook {
  return async (change) => {
    if (failing.has(change.responseId)) throw new Error(`hook failed for ${change.responseId}`);
  };
}

describe('a write job is atomic on its own', () => {
  it('a job whose hook throws leaves nothing, fails alone, and its retry does the whole job', async () => {
    const failing = new Set(['resp_fails01']);
    const batches: number[] = [];
    const path = await freshDatabaseLocation(tempDir(), 'atomic.db');
    const database = await openDatabase({ path, ingestHooks: [failingHook(failing)], onBatch: (size) => batches.push(size), foldIntervalMs: 0 });
    await database.surveys.create({ id: 'demo', name: 'Demo', allowedOrigins: [] });
    const at = Date.parse('2026-03-02T09:00:00Z');

    // Three jobs in one event-loop turn share one transaction; the middle one fails after writing its response and loop,
    // so that transaction is rolled back and the other two commit in the one that follows.
    const results = await Promise.allSettled([
      database.ingestResponse({ id: 'resp_before1', surveyId: 'demo', score: 2, touchpoint: 'checkout' }, at),
      database.ingestResponse({ id: 'resp_fails01', surveyId: 'demo', score: 1, touchpoint: 'checkout', comment: 'Never arrived' }, at),
      database.ingestResponse({ id: 'resp_after01', surveyId: 'demo', score: 9, touchpoint: 'checkout' }, at),
    ]);
    expect(batches).toEqual([2]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.message).toBe('hook failed for resp_fails01');
    const file = { dbPath: path };
    expect(await dbRows(file, 'SELECT id FROM responses ORDER BY id')).toEqual([{ id: 'resp_after01' }, { id: 'resp_before1' }]);
    expect(await dbRows(file, 'SELECT response_id FROM loops ORDER BY response_id')).toEqual([{ response_id: 'resp_before1' }]);
    expect(await commentIndexHits(file, 'arrived')).toBe(0);
    const analytics = createAnalyticsService(database.analytics);
    const everyone = { surveyId: 'demo', dims: {}, properties: [] };
    expect(await analytics.summary(everyone, 'nps')).toMatchObject({ n: 2, distribution: [0, 0, 1, 0, 0, 0, 0, 0, 0, 1, 0] });

    // The retry is a new job: the whole of it happens now, not `unchanged`.
    failing.clear();
    expect(await database.ingestResponse({ id: 'resp_fails01', surveyId: 'demo', score: 1, touchpoint: 'checkout', comment: 'Never arrived' }, at)).toBe('created');
    expect(await dbRows(file, 'SELECT response_id, state FROM loops ORDER BY response_id')).toEqual([
      { response_id: 'resp_before1', state: 'open' }, { response_id: 'resp_fails01', state: 'open' },
    ]);
    expect(await commentIndexHits(file, 'arrived')).toBe(1);
    expect(await analytics.summary({ ...everyone, dims: { touchpoint: 'checkout' } }, 'nps')).toMatchObject({ n: 3, comments: 1 });
    await database.close();
  });

  it('a job that fails before changing anything (a 409) fails alone in its batch, which commits once', async () => {
    const batches: number[] = [];
    const path = await freshDatabaseLocation(tempDir(), 'conflict.db');
    const database = await openDatabase({ path, onBatch: (size) => batches.push(size), foldIntervalMs: 0 });
    await database.surveys.create({ id: 'demo', name: 'Demo', allowedOrigins: [] });
    await database.surveys.create({ id: 'other', name: 'Other', allowedOrigins: [] });
    await database.ingestResponse({ id: 'resp_taken01', surveyId: 'other', score: 5 });
    batches.length = 0;
    const results = await Promise.allSettled([
      database.ingestResponse({ id: 'resp_first01', surveyId: 'demo', score: 3 }),
      database.ingestResponse({ id: 'resp_taken01', surveyId: 'demo', score: 9 }),
      database.ingestResponse({ id: 'resp_third01', surveyId: 'demo', score: 10 }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ statusCode: 409, code: 'id_conflict' });
    expect(batches).toEqual([3]);
    expect(await dbRows({ dbPath: path }, "SELECT id, survey_id FROM responses ORDER BY id")).toEqual([
      { id: 'resp_first01', survey_id: 'demo' }, { id: 'resp_taken01', survey_id: 'other' }, { id: 'resp_third01', survey_id: 'demo' },
    ]);
    await database.close();
  });

  it('over HTTP: the client of the failed job gets a 500 in the envelope, and its retry creates the response, the loop and the webhook deliveries', async () => {
    const failing = new Set(['resp_http_f1']);
    // The webhook hook runs first and queues its deliveries; the failing hook after it undoes them with the rest.
    const app = await testApp({ ingestHooks: [failingHook(failing)], webhookPollMs: 0, allowPrivateWebhooks: true });
    await createSurvey(app);
    const webhook = await app.inject({ method: 'POST', url: '/v1/webhooks', headers: asAdmin, payload: { url: 'http://127.0.0.1:9/in', events: ['response.created', 'loop.opened'] } });
    expect(webhook.statusCode).toBe(201);
    const body = { id: 'resp_http_f1', surveyId: 'demo', score: 3, comment: 'Broken' };

    const failed = await post(app, '/v1/responses', body);
    expect(failed.statusCode).toBe(500);
    expect(failed.json()).toEqual({ error: { code: 'internal_error', message: 'Internal server error' } });
    expect(await dbValue(app, 'SELECT COUNT(*) FROM responses')).toBe(0);
    expect(await dbValue(app, 'SELECT COUNT(*) FROM loops')).toBe(0);
    expect(await dbValue(app, 'SELECT COUNT(*) FROM webhook_deliveries')).toBe(0);

    failing.clear();
    const retried = await post(app, '/v1/responses', body);
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toEqual({ id: 'resp_http_f1', status: 'created' });
    expect(await dbRows(app, 'SELECT id, score, comment FROM responses')).toEqual([{ id: 'resp_http_f1', score: 3, comment: 'Broken' }]);
    expect(await dbRows(app, 'SELECT response_id, state FROM loops')).toEqual([{ response_id: 'resp_http_f1', state: 'open' }]);
    expect(await dbRows(app, 'SELECT type, subject_id FROM webhook_deliveries ORDER BY type')).toEqual([
      { type: 'loop.opened', subject_id: 'resp_http_f1' }, { type: 'response.created', subject_id: 'resp_http_f1' },
    ]);
  });
});
