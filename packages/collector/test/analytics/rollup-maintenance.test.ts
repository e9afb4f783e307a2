import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createAnalyticsStore } from '../../src/analytics/analytics-store.ts';
import type { ResponseFactsRow } from '../../src/db/rollups/rollup-facts.ts';
import { createRollupMaintenance } from '../../src/db/rollups/rollup-maintenance.ts';
import { analyticsDb } from './analytics-fixture.ts';

const at = Date.parse('2026-01-05T10:00:00Z');
const count = (db: Database, table: string) => db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get();

/** Inserts responses and records them, as one write batch does. */
function batch(db: Database, maintenance: ReturnType<typeof createRollupMaintenance>, scores: number[], fail = false) {
  db.transaction(() => {
    for (const score of scores) {
      const row: ResponseFactsRow & { id: string } = {
        id: `resp_${Math.random().toString(36).slice(2, 12)}`, survey_id: 'demo', score, comment: null,
        touchpoint: 'checkout', channel: 'web', locale: 'en', journey: null, created_at: at,
      };
      db.prepare(`INSERT INTO responses (id, survey_id, score, touchpoint, channel, locale, created_at, updated_at)
        VALUES (@id, @survey_id, @score, @touchpoint, @channel, @locale, @created_at, @created_at)`).run(row);
      maintenance.responseChanged(null, row);
    }
    maintenance.flush();
    if (fail) throw new Error('disk full');
  })();
}

describe('rollup maintenance on the write path', () => {
  it('commits one pending row per batch with the raw rows, and readers fold it in first', () => {
    const db = analyticsDb();
    const maintenance = createRollupMaintenance(db);
    const analytics = createAnalyticsStore(db, { beforeRead: () => maintenance.fold() });
    batch(db, maintenance, [10, 9, 3]);
    batch(db, maintenance, [0]);
    expect(count(db, 'analytics_rollup_pending')).toBe(2);
    expect(count(db, 'analytics_rollups')).toBe(0);
    expect(analytics.summary({ surveyId: 'demo', dims: { touchpoint: 'checkout' }, properties: [] })).toMatchObject({ n: 4, nps: 0 });
    expect(count(db, 'analytics_rollup_pending')).toBe(0);
    expect(count(db, 'analytics_rollups')).toBeGreaterThan(0);
  });

  it('loses the pending row with the raw rows when the batch rolls back', () => {
    const db = analyticsDb();
    const maintenance = createRollupMaintenance(db);
    const analytics = createAnalyticsStore(db, { beforeRead: () => maintenance.fold() });
    batch(db, maintenance, [10]);
    expect(() => batch(db, maintenance, [0, 0, 0], true)).toThrow('disk full');
    expect(count(db, 'responses')).toBe(1);
    expect(analytics.summary({ surveyId: 'demo', dims: {}, properties: [] })).toMatchObject({ n: 1, nps: 100 });
  });

  it('folds rows a stopped process left pending', () => {
    const db = analyticsDb();
    batch(db, createRollupMaintenance(db), [9, 9, 6]);
    const restarted = createRollupMaintenance(db);
    expect(restarted.fold()).toBe(1);
    expect(createAnalyticsStore(db).summary({ surveyId: 'demo', dims: {}, properties: [] })).toMatchObject({ n: 3, nps: 33.3 });
  });
});
