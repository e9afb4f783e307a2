import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { summaryOf } from '../../src/analytics/figures.ts';
import { openDatabase } from '../../src/db/database.ts';
import { SQLITE_MIGRATIONS } from '../../src/db/sqlite/migrations/index.ts';
import { tempDir } from '../helpers.ts';
import { analyticsApp, answer, get } from './analytics-app.ts';
import { oracleCounters } from './rollup-oracle.ts';
import type { TestResponse } from './analytics-fixture.ts';
import { dbExec, dbRows, dbValue } from '../support/db-rows.ts';
import { itOnSqlite } from '../support/test-database.ts';

const nonZeroRollups = (db: { dbPath: string }) =>
  dbRows(db, `SELECT * FROM analytics_rollups WHERE s0+s1+s2+s3+s4+s5+s6+s7+s8+s9+s10+comments+prompted+shown+dismissed <> 0
    ORDER BY survey_id, grain, dim, value, bucket_start`);

describe('rollups over the life of a database', () => {
  // SQLite only: migration 2 of SQLite backfilled rollups for databases of release 1 (PostgreSQL starts at release 5).
  itOnSqlite('are backfilled by the migration that introduces them, equal to a rebuild', async () => {
    const dbPath = join(tempDir(), 'old.db');
    const db = new BetterSqlite3(dbPath);
    db.exec('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL) STRICT');
    db.exec(SQLITE_MIGRATIONS[0].sql);
    db.prepare('INSERT INTO schema_migrations VALUES (1, ?, 0)').run(SQLITE_MIGRATIONS[0].name);
    db.prepare("INSERT INTO surveys (id, name, created_at, updated_at) VALUES ('demo', 'Demo', 0, 0)").run();
    const insert = db.prepare(`INSERT INTO responses (id, survey_id, score, comment, touchpoint, channel, locale, journey, created_at, updated_at)
      VALUES (?, 'demo', ?, ?, ?, ?, ?, ?, ?, ?)`);
    for (let index = 0; index < 300; index++) {
      const at = Date.parse('2026-03-20T00:00:00Z') + index * 3_917_000;
      insert.run(`resp_old_${index}`, index % 11, index % 4 ? null : 'old comment', ['checkout', 'support', null][index % 3], ['web', 'email', null][index % 3], index % 2 ? 'en' : 'nl', index % 5 ? null : 'buy', at, at);
    }
    const event = db.prepare("INSERT INTO events (id, survey_id, type, touchpoint, channel, locale, created_at) VALUES (?, 'demo', ?, ?, 'web', 'en', ?)");
    for (let index = 0; index < 100; index++) event.run(`event_old_${index}`, index % 3 ? 'shown' : 'dismissed', index % 2 ? 'checkout' : null, Date.parse('2026-03-20T00:00:00Z') + index * 7_000_000);

    db.close();

    const database = await openDatabase({ path: dbPath, foldIntervalMs: 0 });
    const backfilled = await nonZeroRollups({ dbPath });
    expect(backfilled.length).toBeGreaterThan(1000);
    await database.rebuildRollups();
    expect(await nonZeroRollups({ dbPath })).toEqual(backfilled);
    expect(await dbValue({ dbPath }, "SELECT COUNT(*) FROM response_comments_fts WHERE response_comments_fts MATCH 'old'")).toBe(75);
    await database.close();
  }, 30_000);

  it('are rebuilt from the raw rows by `npsloop rollups rebuild`', async () => {
    const app = await analyticsApp();
    await answer(app, [{ score: 10, at: '2026-01-01T10:00:00Z', comment: 'Great' }, { score: 0, at: '2026-01-01T10:05:00Z' }]);
    const before = (await get(app, '/v1/surveys/demo/summary')).body;
    await dbExec(app, 'DELETE FROM analytics_rollups');
    expect((await get(app, '/v1/surveys/demo/summary')).body.n).toBe(0);
    let out = '';
    const code = await runCli(['rollups', 'rebuild', '--db', app.dbPath], {}, { out: (text) => { out += text; }, err: () => {} });
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({ responses: 2, events: 0 });
    expect((await get(app, '/v1/surveys/demo/summary')).body).toEqual(before);
  }, 30_000);

  it('stay equal to the raw rows through the real write path: inserts, score changes and added comments', async () => {
    const app = await analyticsApp();
    const base = Date.parse('2026-10-24T20:00:00Z');
    const written: TestResponse[] = [];
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({
          score: fc.integer({ min: 0, max: 10 }), later: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
          comment: fc.boolean(), touchpoint: fc.constantFrom('checkout', 'support', undefined), minute: fc.integer({ min: 0, max: 3000 }),
        }), { maxLength: 12 }),
        async (batch) => {
          const stored = batch.map((item) => ({ id: `resp_${written.length}_${Math.random().toString(36).slice(2, 9)}`, ...item, createdAt: base + item.minute * 60_000 }));
          await answer(app, stored.map((item) => ({ id: item.id, score: item.score, at: item.createdAt, touchpoint: item.touchpoint })));
          // The same ids again within 30 minutes: a changed score and/or a comment update the same rows.
          await answer(app, stored.filter((item) => item.later !== null || item.comment).map((item) => ({
            id: item.id, score: item.later ?? item.score, at: item.createdAt + 60_000, touchpoint: item.touchpoint, ...(item.comment ? { comment: 'why' } : {}),
          })));
          for (const item of stored) written.push({ surveyId: 'demo', score: item.later ?? item.score, comment: item.comment ? 'why' : null, touchpoint: item.touchpoint ?? null, channel: null, createdAt: item.createdAt });
          for (const query of ['', '?touchpoint=checkout', '?from=2026-10-25T01:00:00Z&to=2026-10-25T13:07:00Z']) {
            const { body } = await get(app, `/v1/surveys/demo/summary${query}`);
            const params = new URLSearchParams(query.slice(1));
            const filter = { surveyId: 'demo', dims: params.get('touchpoint') ? { touchpoint: params.get('touchpoint')! } : {}, properties: [] };
            const from = params.get('from') ? Date.parse(params.get('from')!) : undefined;
            const to = params.get('to') ? Date.parse(params.get('to')!) : undefined;
            const { shown: _s, dismissed: _d, responseRate: _r, ...expected } = summaryOf('nps', oracleCounters(written, [], filter, from, to), true);
            expect(body).toMatchObject(expected);
          }
        },
      ),
      { numRuns: 30 },
    );
  }, 30_000);
});
