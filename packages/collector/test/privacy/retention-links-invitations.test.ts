/** The retention purge also reaches personal links and the invitation send log: on the rows, and on the bytes of the database file. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { adminCall, closeLoopApp } from '../loops/close-loop-app.ts';
import { dbRows, dbValue } from '../support/db-rows.ts';
import { onPostgres } from '../support/test-database.ts';

type App = Awaited<ReturnType<typeof closeLoopApp>>;
const NAVIGATION = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none' };

async function links(app: App, recipients: object[], expiresInDays: number): Promise<string[]> {
  const response = await adminCall(app, 'POST', '/v1/surveys/demo/links', { recipients, expiresInDays });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().links.map((link: { url: string }) => link.url);
}

async function finishedRun(app: App, id: string, emails: string[]) {
  await app.db.write((tx) => tx.invitations.createRun({
    id, surveyId: 'demo', sender: 'nps@acme.example', subject: null, people: emails.map((email) => ({ email, details: JSON.stringify({ userId: `${email}-user` }) })), resume: null,
  }, app.clock.now()));
  for (const email of emails) await app.db.invitations.mark(id, email, { state: 'sent' }, app.clock.now());
  await app.db.invitations.finishRun(id, 'done', null, app.clock.now());
}

/** SQLite: none of the purged text in the file or its WAL, the kept text still there. PostgreSQL: the tables were vacuumed. */
async function expectPurgedOnDisk(app: App, purged: string[], kept: string) {
  if (onPostgres) {
    const vacuumed = "SELECT COUNT(*) FROM pg_stat_user_tables WHERE schemaname = current_schema() AND last_vacuum IS NOT NULL AND relname IN ('survey_links', 'invitations', 'invitation_runs')";
    await vi.waitFor(async () => expect(await dbValue(app, vacuumed)).toBe(3), { timeout: 10_000, interval: 50 });
    return;
  }
  const onDisk = [app.dbPath, `${app.dbPath}-wal`].filter(existsSync).map((path) => readFileSync(path).toString('latin1')).join('').toLowerCase();
  for (const text of purged) expect(onDisk.includes(text.toLowerCase()), `"${text}" still in the database file`).toBe(false);
  expect(onDisk.includes(kept), kept).toBe(true);
}

describe('retention of personal links and the invitation send log', () => {
  it('deletes expired old links, clears the personal data of old links still usable, and deletes the old send log', async () => {
    const app = await closeLoopApp();
    const [, lasting] = [
      ...(await links(app, [{ email: 'Zanzibar.Expired@example.com', userId: 'user-zz-expired', traits: { plan: 'quasimodo-plan' } }], 10)),
      ...(await links(app, [{ email: 'Zanzibar.Lasting@example.com', userId: 'user-zz-lasting' }], 90)),
    ];
    await finishedRun(app, 'inv_0000000000000001', ['invited.longago@example.com']);
    app.clock.advanceHours(24 * 31);
    await links(app, [{ email: 'recent.link@example.com' }], 30);
    await finishedRun(app, 'inv_0000000000000002', ['recent.invite@example.com']);

    if (!onPostgres) expect(readFileSync(app.dbPath).toString('latin1') + (existsSync(`${app.dbPath}-wal`) ? readFileSync(`${app.dbPath}-wal`).toString('latin1') : '')).toContain('Zanzibar.Expired');
    const report = await app.db.purgeExpired(30, app.clock.now());
    expect(report).toMatchObject({ links: 2, invitations: 1 });
    expect(await dbRows(app, 'SELECT email, user_id, traits FROM survey_links ORDER BY created_at')).toEqual([
      { email: null, user_id: null, traits: null },
      { email: 'recent.link@example.com', user_id: null, traits: null },
    ]);
    expect(await dbRows(app, 'SELECT run_id, email FROM invitations')).toEqual([{ run_id: 'inv_0000000000000002', email: 'recent.invite@example.com' }]);
    expect(await dbRows(app, 'SELECT id FROM invitation_runs')).toEqual([{ id: 'inv_0000000000000002' }]);
    await expectPurgedOnDisk(app, ['zanzibar.expired', 'zanzibar.lasting', 'user-zz-', 'quasimodo-plan', 'invited.longago'], 'recent.invite@example.com');

    // The old link that has not expired still records an answer, now with no one attached to it.
    const { pathname, search } = new URL(`${lasting}&score=9`);
    expect((await app.inject({ url: pathname + search, headers: NAVIGATION })).statusCode).toBe(200);
    expect(await dbRows(app, 'SELECT score, email, user_id FROM responses')).toEqual([{ score: 9, email: null, user_id: null }]);
    expect(await app.db.purgeExpired(30, app.clock.now())).toMatchObject({ links: 0, invitations: 0 });
  });
});
