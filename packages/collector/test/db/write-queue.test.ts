import { statSync } from 'node:fs';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { buildApp } from '../../src/app.ts';
import { openDatabase } from '../../src/db/database.ts';
import { ADMIN_KEY, asAdmin, createSurvey, databaseWithSurvey, post, responseBody, tempDir, testApp } from '../helpers.ts';
import { dbReader, dbRows } from '../support/db-rows.ts';
import { freshDatabaseLocation, itOnSqlite } from '../support/test-database.ts';

describe('group commit', () => {
  it('writes concurrent requests in shared transactions and answers each only once its row is committed', async () => {
    const app = await testApp();
    await createSurvey(app);
    const reader = await dbReader(app);
    const seenAtAnswer: boolean[] = [];
    const bodies = Array.from({ length: 200 }, () => responseBody());
    await Promise.all(bodies.map(async (body) => {
      const response = await post(app, '/v1/responses', body);
      expect(response.statusCode).toBe(201);
      // A separate connection sees only committed data.
      seenAtAnswer.push((await reader.value('SELECT 1 FROM responses WHERE id = ?', body.id)) !== undefined);
    }));
    await reader.close();
    expect(seenAtAnswer).toHaveLength(200);
    expect(seenAtAnswer.every(Boolean)).toBe(true);
    const metrics = (await app.inject({ url: '/metrics', headers: asAdmin })).body;
    const batches = Number(/npsloop_write_batch_size_count (\d+)/.exec(metrics)?.[1]);
    expect(batches).toBeGreaterThan(0);
    expect(batches).toBeLessThan(200);
  });

  it('shares one transaction between the writes of one event-loop turn, or of a configured window', async () => {
    const turnSizes: number[] = [];
    const perTurn = await openDatabase({ path: await freshDatabaseLocation(tempDir(), 'turn.db'), onBatch: (size) => turnSizes.push(size) });
    await perTurn.surveys.create({ id: 'demo', name: 'Demo', allowedOrigins: [] });
    const first = perTurn.ingestResponse({ id: 'turn_one_1', surveyId: 'demo', score: 1 });
    const second = perTurn.ingestResponse({ id: 'turn_one_2', surveyId: 'demo', score: 2 });
    await Promise.all([first, second]);
    await perTurn.ingestResponse({ id: 'turn_two_1', surveyId: 'demo', score: 3 });
    expect(turnSizes).toEqual([2, 1]);
    await perTurn.close();

    const windowSizes: number[] = [];
    const windowed = await openDatabase({ path: await freshDatabaseLocation(tempDir(), 'window.db'), windowMs: 30, onBatch: (size) => windowSizes.push(size) });
    await windowed.surveys.create({ id: 'demo', name: 'Demo', allowedOrigins: [] });
    // The window's clock is faked: on a busy machine a real 30 ms can pass between two lines of this test.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    onTestFinished(() => void vi.useRealTimers());
    const early = windowed.ingestResponse({ id: 'window_001', surveyId: 'demo', score: 1 });
    await new Promise((resolve) => setImmediate(resolve));
    const late = windowed.ingestResponse({ id: 'window_002', surveyId: 'demo', score: 2 });
    vi.advanceTimersByTime(29);
    expect(windowSizes).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(await Promise.all([early, late])).toEqual(['created', 'created']);
    expect(windowSizes).toEqual([2]);
    vi.useRealTimers();
    await windowed.close();
  });

  it('lets a batch wait more event-loop turns while each brings more writes (the default on SQLite), up to the number asked', async () => {
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    /** Batch sizes when writes come at the given turns (turn 0: now). */
    const sizesOf = async (extraTurns: number, turns: number[]) => {
      const sizes: number[] = [];
      const database = await openDatabase({ path: await freshDatabaseLocation(tempDir(), 'turns.db'), extraTurns, onBatch: (size) => sizes.push(size) });
      await database.surveys.create({ id: 'demo', name: 'Demo', allowedOrigins: [] });
      const writes: Promise<unknown>[] = [];
      for (let turn = 0; turn <= Math.max(...turns); turn += 1) {
        if (turn > 0) await nextTurn();
        for (const [index, at] of turns.entries()) {
          if (at === turn) writes.push(database.ingestResponse({ id: `turn_${extraTurns}_${index}`, surveyId: 'demo', score: 9 }));
        }
      }
      expect(new Set(await Promise.all(writes))).toEqual(new Set(['created']));
      await database.close();
      return sizes;
    };
    // A write each turn: with no extra turn each is a batch; with one, two share; with eight, the first nine turns share.
    expect(await sizesOf(0, [0, 1, 2])).toEqual([1, 1, 1]);
    expect(await sizesOf(1, [0, 1, 2])).toEqual([2, 1]);
    expect(await sizesOf(8, [0, 1, 2])).toEqual([3]);
    expect(await sizesOf(8, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([9, 2]);
    // A turn that brings nothing ends the wait.
    expect(await sizesOf(8, [0, 2])).toEqual([1, 1]);
  });

  // SQLite only: the WAL and the thread that checkpoints it.
  itOnSqlite('a background thread checkpoints the WAL into the database file while the app runs', async () => {
    const app = await testApp();
    await createSurvey(app);
    const sizeBefore = statSync(app.dbPath).size;
    await Promise.all(Array.from({ length: 2000 }, () => app.db.ingestResponse({ ...responseBody(), comment: 'x'.repeat(200) })));
    // 2,000 rows are far below the main connection's own checkpoint threshold: only the thread can grow the file.
    await vi.waitFor(() => expect(statSync(app.dbPath).size).toBeGreaterThan(sizeBefore + 100_000), { timeout: 25_000, interval: 50 });
  });

  it('one failing write does not undo the others in its batch', async () => {
    const path = await freshDatabaseLocation(tempDir(), 'queue.db');
    const store = await openDatabase({ path });
    await store.surveys.create({ id: 'demo', name: 'Demo', allowedOrigins: [] });
    const results = await Promise.allSettled([
      store.ingestResponse({ id: 'first_ok_1', surveyId: 'demo', score: 9 }),
      // Off the NPS scale: the table's CHECK refuses the row on both engines (the route would have said 400 first).
      store.ingestResponse({ id: 'off_scale1', surveyId: 'demo', score: 11 }),
      store.ingestResponse({ id: 'second_ok1', surveyId: 'demo', score: 3 }),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(await dbRows({ dbPath: path }, 'SELECT id FROM responses ORDER BY id')).toEqual([{ id: 'first_ok_1' }, { id: 'second_ok1' }]);
    await store.close();
  });

  it('the same new id twice in one batch: the first creates the response, the second updates it like a later send', async () => {
    const { path, database: store, batches } = await databaseWithSurvey('twice.db');
    const results = await Promise.all([
      store.ingestResponse({ id: 'resp_other1', surveyId: 'demo', score: 10 }),
      store.ingestResponse({ id: 'resp_twice1', surveyId: 'demo', score: 2 }),
      store.ingestResponse({ id: 'resp_twice1', surveyId: 'demo', score: 2, comment: 'Too slow' }),
      store.ingestResponse({ id: 'resp_twice1', surveyId: 'demo', score: 2, comment: 'Too slow' }),
    ]);
    expect(batches).toEqual([4]);
    expect(results).toEqual(['created', 'created', 'updated', 'unchanged']);
    expect(await dbRows({ dbPath: path }, 'SELECT id, score, comment FROM responses ORDER BY id')).toEqual([
      { id: 'resp_other1', score: 10, comment: null }, { id: 'resp_twice1', score: 2, comment: 'Too slow' },
    ]);
    expect(await dbRows({ dbPath: path }, 'SELECT response_id FROM loops')).toEqual([{ response_id: 'resp_twice1' }]);
    await store.close();
  });

  it('a new answer raised to a promoter later in its own batch: the loop it opened is taken back, none is written after', async () => {
    const { path, database: store, batches } = await databaseWithSurvey('raised.db');
    const results = await Promise.all([
      store.ingestResponse({ id: 'resp_kept01', surveyId: 'demo', score: 1 }),
      store.ingestResponse({ id: 'resp_raise1', surveyId: 'demo', score: 2 }),
      store.ingestResponse({ id: 'resp_raise1', surveyId: 'demo', score: 9 }),
    ]);
    expect(batches).toEqual([3]);
    expect(results).toEqual(['created', 'created', 'updated']);
    expect(await dbRows({ dbPath: path }, 'SELECT response_id, state FROM loops')).toEqual([{ response_id: 'resp_kept01', state: 'open' }]);
    await store.close();
  });

  it('a write job after new answers in its batch sees the loops they opened', async () => {
    const { path, database: store, batches } = await databaseWithSurvey('sees.db');
    const [, , seen] = await Promise.all([
      store.ingestResponse({ id: 'resp_seen01', surveyId: 'demo', score: 0 }),
      store.ingestResponse({ id: 'resp_seen02', surveyId: 'demo', score: 4 }),
      store.write(async (tx) => {
        const loop = await tx.loops.get('resp_seen02');
        if (loop) await tx.loops.update('resp_seen02', { ...loop, state: 'contacted', firstContactAt: loop.openedAt }, loop.openedAt);
        return loop?.state;
      }),
    ]);
    expect(batches).toEqual([3]);
    expect(seen).toBe('open');
    expect(await dbRows({ dbPath: path }, 'SELECT response_id, state FROM loops ORDER BY response_id')).toEqual([
      { response_id: 'resp_seen01', state: 'open' }, { response_id: 'resp_seen02', state: 'contacted' },
    ]);
    await store.close();
  });

  it('close() finishes queued writes so a new app on the same file sees them', async () => {
    const dbPath = await freshDatabaseLocation(tempDir(), 'close.db');
    const first = await buildApp({ dbPath, adminKey: ADMIN_KEY });
    await createSurvey(first);
    const pending = Array.from({ length: 50 }, () => first.db.ingestResponse({ ...responseBody(), score: 7 }));
    expect(first.db.pendingWrites).toBe(50);
    await first.close();
    expect((await Promise.all(pending)).every((status) => status === 'created')).toBe(true);

    const second = await buildApp({ dbPath, adminKey: ADMIN_KEY });
    const summary = (await second.inject({ url: '/v1/surveys/demo/summary', headers: asAdmin })).json();
    expect(summary.n).toBe(50);
    await second.close();
  });
});
