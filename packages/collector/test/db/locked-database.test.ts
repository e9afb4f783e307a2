import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openSqliteDialect } from '../../src/db/sqlite/sqlite-dialect.ts';
import { toEnvelope } from '../../src/plugins/error-handler.ts';
import { createSurvey, post, responseBody, tempDir, testApp } from '../helpers.ts';
import { dbValue } from '../support/db-rows.ts';

describe('a database locked by another process (an import, a CLI command)', () => {
  it('keeps answering other requests while a write waits for the lock, then stores the write', async () => {
    const app = await testApp();
    await createSurvey(app);
    const other = new BetterSqlite3(app.dbPath);
    onTestFinished(() => void other.close());
    other.prepare('BEGIN IMMEDIATE').run();

    let settled = false;
    const ingest = post(app, '/v1/responses', responseBody({ id: 'resp_waited001' })).finally(() => {
      settled = true;
    });
    // The write waits for the lock off the event loop's thread: a health check is answered meanwhile.
    const health = await app.inject({ url: '/healthz' });
    expect(health.statusCode).toBe(200);
    expect(settled).toBe(false);

    other.prepare('COMMIT').run();
    expect((await ingest).statusCode).toBe(201);
    expect(await dbValue(app, "SELECT COUNT(*) FROM responses WHERE id = 'resp_waited001'")).toBe(1);
  });

  it('the end of an erase (merging the comment index) waits for the lock too, instead of failing', async () => {
    // The checkpoint thread's RESTART holds the write lock for a moment, as another process may.
    const path = join(tempDir(), 'erase.db');
    const dialect = openSqliteDialect({ path });
    onTestFinished(() => dialect.close());
    const other = new BetterSqlite3(path);
    onTestFinished(() => void other.close());
    other.prepare('BEGIN IMMEDIATE').run();
    const flushed = dialect.flushErasure();
    // Released only after the flush has tried to write (its first statement runs before any timer).
    setTimeout(() => other.prepare('COMMIT').run(), 20);
    expect(typeof (await flushed)).toBe('boolean');
  });

  it.each([
    ['SQLITE_BUSY', /locked by another writer/], ['SQLITE_FULL', /disk is full/], ['SQLITE_IOERR_WRITE', /I\/O error/],
    ['SQLITE_READONLY', /read-only/], ['SQLITE_CORRUPT', /damaged/], ['53100', /disk is full/], ['ECONNREFUSED', /cannot be reached/],
  ])('a storage error %s is a retryable 503 that says why', (code, reason) => {
    const envelope = toEnvelope(Object.assign(new Error(`${code}: engine text`), { code }));
    expect(envelope).toMatchObject({ status: 503, code: 'storage_unavailable' });
    expect(envelope.message).toMatch(reason);
    expect(envelope.message).not.toContain('engine text');
  });

  it('any other error stays a 500 that reveals nothing', () => {
    expect(toEnvelope(Object.assign(new Error('SQLITE_ERROR: no such column: secret'), { code: 'SQLITE_ERROR' }))).toEqual({ status: 500, code: 'internal_error', message: 'Internal server error' });
  });
});
