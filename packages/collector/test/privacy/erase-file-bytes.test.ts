/** The erase promise on the bytes: after pages split and rows moved, nothing of the person is left in the file or its WAL. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it, onTestFinished } from 'vitest';
import { openDatabase } from '../../src/db/database.ts';
import type { ResponseBody } from '../../src/ingest/ingest-schemas.ts';
import { createWebhookDispatcher } from '../../src/webhooks/webhook-dispatcher.ts';
import { adminCall, closeLoopApp, fakeClock, ingestAt } from '../loops/close-loop-app.ts';
import { dbValue } from '../support/db-rows.ts';
import { startReceiver } from '../webhooks/receiver.ts';
import { tempDir } from '../helpers.ts';

const EMAIL = 'Quentin.Erasable@example.com';
/** What must be gone, lower-cased: as it appears in rows, webhook payloads and the comment index. */
const SECRETS = ['quentin.erasable@example.com', 'user-qz81xv', 'vorpalwhisk', 'smashed the parcel'];
/** The person answers twice; their comment follows the score after this many other visitors (as it does on a busy site). */
const PERSON_ANSWERS = [{ at: 150, id: 'resp_person001', commentLag: 5 }, { at: 300, id: 'resp_person002', commentLag: 13 }];
const VISITORS = 600;
const VISITOR_COMMENT_LAG = 5;
/**
 * Visitors who ask to be erased too. Their rows grew and moved while the pages split; before the collector rewrote
 * the file on erasure, SQLite left a copy of visitor 26's row between the cell pointers and the cells of the page it
 * had left (secure_delete does not clear that gap), and it outlived the erasure on every run.
 */
const ERASED_VISITORS = [20, 21, 22, 23, 24, 25, 26, 27, 28, 29];

/** The database file and its WAL, lower-cased, one character per byte. */
function diskBytes(dbPath: string): { text: string; bytes: number } {
  const buffers = [dbPath, `${dbPath}-wal`].filter(existsSync).map((path) => readFileSync(path));
  return { text: buffers.map((buffer) => buffer.toString('latin1')).join('\n').toLowerCase(), bytes: buffers.reduce((sum, buffer) => sum + buffer.length, 0) };
}

const visitorId = (index: number) => `resp_other${String(index).padStart(5, '0')}`;
/** What must be gone of the erased visitors, lower-cased. */
const visitorSecrets = ERASED_VISITORS.flatMap((index) => [`visitor${index}@example.org`, `comment ${index}: the box`]);

type Answer = Partial<ResponseBody> & { id: string };

/**
 * Visitors answer with a score and, a few visitors later, a comment on the same response (the widget's flow):
 * rows grow, move and split the pages of `responses`, and each write queues deliveries that split `webhook_deliveries`.
 * `every20th` runs after every twentieth visitor (the clock moves on, deliveries go out).
 */
async function busySite(ingest: (answer: Answer) => Promise<unknown>, every20th: () => Promise<unknown>) {
  for (let index = 0; index < VISITORS; index++) {
    for (const answer of PERSON_ANSWERS) {
      if (index === answer.at) await ingest({ id: answer.id, score: 2, consent: true, respondent: { email: EMAIL, userId: 'user-qz81xv' }, page: '/account' });
      if (index === answer.at + answer.commentLag) await ingest({ id: answer.id, score: 2, comment: 'Vorpalwhisk courier smashed the parcel' });
    }
    await ingest({ id: visitorId(index), score: index % 11, consent: index % 3 === 0, respondent: { email: `visitor${index}@example.org` } });
    const commented = index - VISITOR_COMMENT_LAG;
    if (commented >= 0) await ingest({ id: visitorId(commented), score: commented % 11, comment: `Comment ${commented}: ${'the box was dented '.repeat(1 + (commented % 5))}` });
    if (index % 20 === 0) await every20th();
  }
}

describe('erasing a respondent, on the bytes of the database file', () => {
  it('leaves no trace of the email, user id or comment after hundreds of rows split the pages around them', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver();
    const hook = await adminCall(app, 'POST', '/v1/webhooks', { url: receiver.url, events: ['response.created', 'response.updated', 'loop.opened'] });
    expect(hook.statusCode).toBe(201);
    const dispatcher = createWebhookDispatcher(app.db, { allowPrivate: true, now: app.clock.now });
    await busySite((answer) => ingestAt(app, answer), () => {
      app.clock.advanceHours(0.1);
      return dispatcher.runDue();
    });
    app.clock.advanceHours(1);
    while (await dispatcher.runDue() > 0);
    expect(receiver.received.filter((request) => request.body.includes('Vorpalwhisk')).length).toBeGreaterThanOrEqual(2);
    expect(diskBytes(app.dbPath).text).toContain('vorpalwhisk');

    const erased = await adminCall(app, 'DELETE', `/v1/respondents?email=${encodeURIComponent(EMAIL.toUpperCase())}`);
    expect(erased.statusCode).toBe(200);
    expect(erased.json().erased).toMatchObject({ responses: 2, loops: 2, walCheckpointed: true });
    expect(erased.json().erased.webhookDeliveries).toBeGreaterThanOrEqual(4);

    for (const index of ERASED_VISITORS) {
      const visitor = await adminCall(app, 'DELETE', `/v1/respondents?email=visitor${index}@example.org`);
      expect(visitor.json().erased).toMatchObject({ responses: 1, walCheckpointed: true });
    }

    const disk = diskBytes(app.dbPath);
    expect(disk.bytes).toBeGreaterThan(500_000);
    const left = [...SECRETS, ...visitorSecrets].filter((secret) => disk.text.includes(secret));
    expect(left, `found in the ${disk.bytes} bytes of the database file and its WAL`).toEqual([]);
    // The scan sees data that is there: everyone else's answers, rows and payloads.
    expect(disk.text).toContain(`visitor${VISITORS - 1}@example.org`);
    expect(disk.text).toContain('comment 42: the box was dented');
    expect(await dbValue(app, 'SELECT COUNT(*) FROM responses')).toBe(VISITORS - ERASED_VISITORS.length);
    // The rewritten file keeps the comment index pointing at the right rows (the newest 500 of those with a comment).
    const found = await adminCall(app, 'GET', '/v1/surveys/demo/responses?q=dented&limit=500');
    expect(found.statusCode).toBe(200);
    const commented = Array.from({ length: VISITORS - VISITOR_COMMENT_LAG }, (_, index) => index).filter((index) => !ERASED_VISITORS.includes(index));
    expect(found.json().responses.map((response: { id: string }) => response.id).sort()).toEqual(commented.slice(-500).map(visitorId).sort());
  });

  it('rewrites the file on the main thread when there is no checkpoint thread (a data layer opened by a CLI command)', async () => {
    const dbPath = join(tempDir(), 'cli.db');
    const database = await openDatabase({ path: dbPath, foldIntervalMs: 0 });
    onTestFinished(() => database.close());
    await database.surveys.create({ id: 'demo', name: 'Demo', allowedOrigins: [] });
    const clock = fakeClock();
    await busySite((answer) => database.ingestResponse({ surveyId: 'demo', score: 3, ...answer } as ResponseBody, clock.now()), async () => clock.advanceHours(0.1));
    for (const index of ERASED_VISITORS) {
      expect(await database.eraseRespondent({ email: `visitor${index}@example.org` })).toMatchObject({ responses: 1, walCheckpointed: true });
    }
    const disk = diskBytes(dbPath);
    expect(visitorSecrets.filter((secret) => disk.text.includes(secret)), `found in the ${disk.bytes} bytes of the database file and its WAL`).toEqual([]);
    expect(disk.text).toContain('comment 42: the box was dented');
  });

  it('says so when a reader keeps old pages and the file cannot be rewritten, and the next erasure does it', async () => {
    const app = await closeLoopApp();
    for (const [index, id] of ['resp_keeper001', 'resp_reader01', 'resp_reader02'].entries()) {
      await ingestAt(app, { id, score: 2, respondent: { email: `reader${index}@example.org` }, comment: `Marmalade note ${index}` });
    }
    // Another program (a backup, a report) in the middle of reading the file holds the pages it started from.
    const reader = new BetterSqlite3(app.dbPath, { readonly: true });
    onTestFinished(() => {
      reader.close();
    });
    reader.exec('BEGIN');
    expect(reader.prepare('SELECT COUNT(*) AS n FROM responses').get()).toEqual({ n: 3 });

    const held = await adminCall(app, 'DELETE', '/v1/respondents?email=reader1@example.org');
    expect(held.statusCode).toBe(200);
    expect(held.json().erased).toMatchObject({ responses: 1, walCheckpointed: false });
    expect(await dbValue(app, "SELECT COUNT(*) FROM responses WHERE id = 'resp_reader01'")).toBe(0);

    reader.exec('COMMIT');
    const next = await adminCall(app, 'DELETE', '/v1/respondents?email=reader2@example.org');
    expect(next.json().erased).toMatchObject({ responses: 1, walCheckpointed: true });
    const disk = diskBytes(app.dbPath);
    expect(['reader1@example.org', 'marmalade note 1', 'reader2@example.org', 'marmalade note 2'].filter((secret) => disk.text.includes(secret))).toEqual([]);
    expect(disk.text).toContain('marmalade note 0');
  });
});
