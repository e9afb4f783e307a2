import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { generateSecret } from '../../src/webhooks/signing.ts';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';
import { commentIndexHits, dbRows, dbValue } from '../support/db-rows.ts';
import { onPostgres } from '../support/test-database.ts';
import { asAdmin, testApp } from '../helpers.ts';

type App = Awaited<ReturnType<typeof closeLoopApp>>;

/** Every byte SQLite keeps on disk for the database: the file and its WAL. */
function sqliteFileBytes(app: App): string {
  return [app.dbPath, `${app.dbPath}-wal`].filter(existsSync).map((path) => readFileSync(path).toString('latin1')).join('');
}

/**
 * What erasing promises on disk. SQLite: none of the erased text is left in the bytes of the file and its WAL, and
 * the kept text (if given) is. PostgreSQL promises less (collector README, "Privacy"): every table the erasure touched was
 * vacuumed, which removes the erased rows' old versions from the tables and their indexes.
 */
async function expectErasedOnDisk(app: App, erased: string[], kept?: string) {
  if (onPostgres) {
    const vacuumed = "SELECT COUNT(*) FROM pg_stat_user_tables WHERE schemaname = current_schema() AND last_vacuum IS NOT NULL AND relname IN ('responses', 'loop_notes', 'webhook_deliveries')";
    await vi.waitFor(async () => expect(await dbValue(app, vacuumed)).toBe(3), { timeout: 10_000, interval: 50 });
    return;
  }
  const onDisk = sqliteFileBytes(app);
  for (const secret of erased) expect(onDisk.includes(secret), `"${secret}" still in the database file`).toBe(false);
  if (kept) expect(onDisk.includes(kept), kept).toBe(true);
}

const ftsHits = (app: App, word: string) => commentIndexHits(app, word);

async function seedPerson(app: App) {
  await app.db.webhooks.create({ url: 'https://hooks.example/x', events: ['response.created'], secret: generateSecret() }, app.clock.now());
  await ingestAt(app, { id: 'resp_erase0001', score: 2, consent: true, respondent: { email: 'Quentin.Erasable@example.com', userId: 'user-zq81' }, comment: 'Xylophonic zebrafish delivery was late' });
  await ingestAt(app, { id: 'resp_erase0002', score: 9, respondent: { email: 'quentin.erasable@EXAMPLE.com' }, comment: 'Xylophonic support, thanks' });
  await ingestAt(app, { id: 'resp_keep00001', score: 3, consent: true, respondent: { email: 'other@example.com' }, comment: 'Keep this comment' });
  await adminCall(app, 'POST', '/v1/responses/resp_erase0001/notes', { author: 'dana', text: 'Quentin prefers phone calls' });
  await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'Faster delivery', responseIds: ['resp_erase0001', 'resp_keep00001'] });
  await ingestAt(app, { id: 'resp_erase0003', score: 5, respondent: { userId: 'user-zq81' } });
}

describe('DELETE /v1/respondents', () => {
  it('erases every response, loop, note, link and delivery about the person, down to the database file and the FTS index', async () => {
    const app = await closeLoopApp();
    await seedPerson(app);
    expect(await ftsHits(app, 'xylophonic')).toBe(2);

    const response = await adminCall(app, 'DELETE', '/v1/respondents?email=QUENTIN.erasable%40example.com');
    expect(response.statusCode).toBe(200);
    expect(response.json().erased).toMatchObject({ responses: 2, loops: 1, notes: 1, actionLinks: 1, webhookDeliveries: 2, walCheckpointed: true });
    expect(response.json().erased.responseIds.sort()).toEqual(['resp_erase0001', 'resp_erase0002']);

    const byUser = (await adminCall(app, 'DELETE', '/v1/respondents?userId=user-zq81')).json().erased;
    expect(byUser).toMatchObject({ responses: 1, webhookDeliveries: 1, responseIds: ['resp_erase0003'] });

    expect(await dbRows(app, 'SELECT id FROM responses')).toEqual([{ id: 'resp_keep00001' }]);
    expect(await dbRows(app, 'SELECT response_id FROM loops')).toEqual([{ response_id: 'resp_keep00001' }]);
    expect(await dbValue(app, 'SELECT COUNT(*) FROM loop_notes')).toBe(0);
    expect(await dbRows(app, 'SELECT response_id FROM action_responses')).toEqual([{ response_id: 'resp_keep00001' }]);
    expect(await dbRows(app, 'SELECT subject_id FROM webhook_deliveries')).toEqual([{ subject_id: 'resp_keep00001' }]);
    expect(await ftsHits(app, 'xylophonic')).toBe(0);
    expect(await ftsHits(app, 'keep')).toBe(1);

    await expectErasedOnDisk(app, ['erasable@example.com', 'Erasable', 'user-zq81', 'Xylophonic', 'zebrafish', 'prefers phone'], 'Keep this comment');
  });

  it('erases every copy of an answer, also webhook payloads that still carry the email the person has since changed', async () => {
    const app = await closeLoopApp();
    await app.db.webhooks.create({ url: 'https://hooks.example/x', events: ['response.created', 'response.updated', 'loop.opened'], secret: generateSecret() }, app.clock.now());
    await ingestAt(app, { id: 'resp_moved0001', score: 1, consent: true, respondent: { email: 'old.address@example.com' }, comment: 'Quokka-shaped parcel arrived crushed' });
    await ingestAt(app, { id: 'resp_moved0001', score: 1, consent: true, respondent: { email: 'new.address@example.com' }, comment: 'Quokka-shaped parcel arrived crushed' });
    // Three payloads about the answer: created (old email), updated (new email), and the pending loop.opened.
    expect((await dbRows(app, 'SELECT type FROM webhook_deliveries ORDER BY type')).map((row) => row.type)).toEqual(['loop.opened', 'response.created', 'response.updated']);
    if (!onPostgres) expect(sqliteFileBytes(app)).toContain('old.address@example.com');

    const erased = (await adminCall(app, 'DELETE', '/v1/respondents?email=new.address%40example.com')).json().erased;
    expect(erased).toMatchObject({ responses: 1, loops: 1, webhookDeliveries: 3, walCheckpointed: true });
    expect(await dbValue(app, 'SELECT COUNT(*) FROM webhook_deliveries')).toBe(0);
    await expectErasedOnDisk(app, ['old.address@example.com', 'new.address@example.com', 'Quokka-shaped']);
  });

  it.each([
    ['', 400], ['?email=a%40b.example&userId=u1', 400], ['?name=bob', 400], [`?userId=${'u'.repeat(129)}`, 400], ['?email=nobody%40example.com', 200],
  ])('answers %s with %i', async (query, status) => {
    const app = await closeLoopApp();
    await ingestAt(app, { id: 'resp_survivor1', respondent: { email: 'a@b.example' } });
    const response = await adminCall(app, 'DELETE', `/v1/respondents${query}`);
    expect(response.statusCode).toBe(status);
    if (status === 200) expect(response.json().erased.responses).toBe(0);
    expect(await dbValue(app, 'SELECT COUNT(*) FROM responses')).toBe(1);
  });
});

describe('retention', () => {
  it('purges comments and personal data older than N days, keeping scores, loops and their timestamps', async () => {
    const app = await closeLoopApp();
    await seedPerson(app);
    app.clock.advanceHours(24 * 31);
    await ingestAt(app, { id: 'resp_recent001', score: 1, respondent: { email: 'recent@example.com' }, comment: 'Recent quokka comment', page: '/orders/991' });
    await adminCall(app, 'PATCH', '/v1/responses/resp_erase0001', { status: 'contacted' });

    const report = await app.db.purgeExpired(30, app.clock.now());
    expect(report).toMatchObject({ cutoff: '2026-03-03T09:00:00.000Z', responses: 4, notes: 1, webhookDeliveries: 4, fileRewritten: true });
    const rows = await dbRows(app, 'SELECT id, score, comment, email, user_id, page FROM responses ORDER BY id');
    expect(rows).toEqual([
      { id: 'resp_erase0001', score: 2, comment: null, email: null, user_id: null, page: null },
      { id: 'resp_erase0002', score: 9, comment: null, email: null, user_id: null, page: null },
      { id: 'resp_erase0003', score: 5, comment: null, email: null, user_id: null, page: null },
      { id: 'resp_keep00001', score: 3, comment: null, email: null, user_id: null, page: null },
      { id: 'resp_recent001', score: 1, comment: 'Recent quokka comment', email: 'recent@example.com', user_id: null, page: '/orders/991' },
    ]);
    expect(await dbRows(app, 'SELECT response_id, state, CASE WHEN first_contact_at IS NOT NULL THEN 1 ELSE 0 END AS contacted FROM loops ORDER BY response_id')).toContainEqual({ response_id: 'resp_erase0001', state: 'contacted', contacted: 1 });
    expect(await ftsHits(app, 'xylophonic')).toBe(0);
    expect(await ftsHits(app, 'quokka')).toBe(1);
    await expectErasedOnDisk(app, ['erasable@example.com', 'Xylophonic', 'Keep this comment', 'prefers phone'], 'recent@example.com');
    expect((await app.db.purgeExpired(30, app.clock.now())).responses).toBe(0);
  });
});

describe('privacy settings', () => {
  it('says how long comments and personal data are kept, to read keys too', async () => {
    const kept = await closeLoopApp();
    expect((await adminCall(kept, 'GET', '/v1/privacy')).json()).toEqual({ retentionDays: null, source: 'off', stored: null });
    const created = await adminCall(kept, 'POST', '/v1/keys', { scope: 'read', name: 'wall' });
    const asReader = await kept.inject({ url: '/v1/privacy', headers: { authorization: `Bearer ${created.json().secret}` } });
    expect(asReader.statusCode).toBe(200);

    const purging = await testApp({ retentionDays: 90 });
    expect((await purging.inject({ url: '/v1/privacy', headers: asAdmin })).json()).toEqual({ retentionDays: 90, source: 'flag', stored: null });
    expect((await purging.inject({ url: '/v1/privacy' })).statusCode).toBe(401);
  });
});
