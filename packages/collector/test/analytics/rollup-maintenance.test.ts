import { describe, expect, it } from 'vitest';
import { createAnalyticsService } from '../../src/analytics/analytics-service.ts';
import { openDatabase } from '../../src/db/database.ts';
import { dbValue } from '../support/db-rows.ts';
import { analyticsDb } from './analytics-fixture.ts';

const at = Date.parse('2026-01-05T10:00:00Z');
const count = (db: { dbPath: string }, table: string) => dbValue(db, `SELECT COUNT(*) FROM ${table}`);
const answers = (scores: number[]) => scores.map((score) => ({ id: `resp_${Math.random().toString(36).slice(2, 12)}`, surveyId: 'demo', score, touchpoint: 'checkout', channel: 'web', locale: 'en' }));

describe('rollup maintenance on the write path', () => {
  it('commits one pending row per batch with the raw rows, and readers fold it in first', async () => {
    const db = await analyticsDb();
    const analytics = createAnalyticsService(db.analytics);
    // One event-loop turn, one batch; then another.
    await Promise.all(answers([10, 9, 3]).map((answer) => db.ingestResponse(answer, at)));
    await db.ingestResponse(answers([0])[0], at);
    expect(await count(db, 'analytics_rollup_pending')).toBe(2);
    expect(await count(db, 'analytics_rollups')).toBe(0);
    expect(await analytics.summary({ surveyId: 'demo', dims: { touchpoint: 'checkout' }, properties: [] }, 'nps')).toMatchObject({ n: 4, nps: 0 });
    expect(await count(db, 'analytics_rollup_pending')).toBe(0);
    expect(await count(db, 'analytics_rollups')).toBeGreaterThan(0);
  });

  it('loses the deltas with the raw rows when their transaction rolls back', async () => {
    const db = await analyticsDb();
    const analytics = createAnalyticsService(db.analytics);
    await db.ingestResponse(answers([10])[0], at);
    await expect(db.transaction(async (tx) => {
      await tx.responses.insertMany(answers([0, 0, 0]).map((answer) => ({
        ...answer, comment: null, consent: null, userId: null, email: null, journey: null, page: null, device: null, properties: null, createdAt: at, updatedAt: at,
      })), { openLoops: true });
      throw new Error('disk full');
    })).rejects.toThrow('disk full');
    expect(await count(db, 'responses')).toBe(1);
    expect(await count(db, 'loops')).toBe(0);
    expect(await analytics.summary({ surveyId: 'demo', dims: {}, properties: [] }, 'nps')).toMatchObject({ n: 1, nps: 100 });
  });

  it('folds rows another process left pending', async () => {
    const db = await analyticsDb();
    await Promise.all(answers([9, 9, 6]).map((answer) => db.ingestResponse(answer, at)));
    expect(await count(db, 'analytics_rollup_pending')).toBe(1);
    const other = await openDatabase({ path: db.dbPath, foldIntervalMs: 0 });
    expect(await createAnalyticsService(other.analytics).summary({ surveyId: 'demo', dims: {}, properties: [] }, 'nps')).toMatchObject({ n: 3, nps: 33.3 });
    expect(await count(db, 'analytics_rollup_pending')).toBe(0);
    await other.close();
  });
});
