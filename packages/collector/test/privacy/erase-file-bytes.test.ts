/** The erase promise on the bytes: after pages split and rows moved, nothing of the person is left in the file or its WAL. */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createWebhookDispatcher } from '../../src/webhooks/webhook-dispatcher.ts';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';
import { dbValue } from '../support/db-rows.ts';
import { startReceiver } from '../webhooks/receiver.ts';

type App = Awaited<ReturnType<typeof closeLoopApp>>;

const EMAIL = 'Quentin.Erasable@example.com';
/** What must be gone, lower-cased: as it appears in rows, webhook payloads and the comment index. */
const SECRETS = ['quentin.erasable@example.com', 'user-qz81xv', 'vorpalwhisk', 'smashed the parcel'];
/** The person answers twice; their comment follows the score after this many other visitors (as it does on a busy site). */
const PERSON_ANSWERS = [{ at: 150, id: 'resp_person001', commentLag: 5 }, { at: 300, id: 'resp_person002', commentLag: 13 }];
const VISITORS = 600;
const VISITOR_COMMENT_LAG = 5;

/** The database file and its WAL, lower-cased, one character per byte. */
function diskBytes(app: App): { text: string; bytes: number } {
  const buffers = [app.dbPath, `${app.dbPath}-wal`].filter(existsSync).map((path) => readFileSync(path));
  return { text: buffers.map((buffer) => buffer.toString('latin1')).join('\n').toLowerCase(), bytes: buffers.reduce((sum, buffer) => sum + buffer.length, 0) };
}

const visitorId = (index: number) => `resp_other${String(index).padStart(5, '0')}`;

/**
 * Visitors answer with a score and, a few visitors later, a comment on the same response (the widget's flow):
 * rows grow, move and split the pages of `responses`, and each write queues deliveries that split `webhook_deliveries`.
 */
async function busySite(app: App, dispatcher: ReturnType<typeof createWebhookDispatcher>) {
  for (let index = 0; index < VISITORS; index++) {
    for (const answer of PERSON_ANSWERS) {
      if (index === answer.at) await ingestAt(app, { id: answer.id, score: 2, consent: true, respondent: { email: EMAIL, userId: 'user-qz81xv' }, page: '/account' });
      if (index === answer.at + answer.commentLag) await ingestAt(app, { id: answer.id, score: 2, comment: 'Vorpalwhisk courier smashed the parcel' });
    }
    await ingestAt(app, { id: visitorId(index), score: index % 11, consent: index % 3 === 0, respondent: { email: `visitor${index}@example.org` } });
    const commented = index - VISITOR_COMMENT_LAG;
    if (commented >= 0) await ingestAt(app, { id: visitorId(commented), score: commented % 11, comment: `Comment ${commented}: ${'the box was dented '.repeat(1 + (commented % 5))}` });
    if (index % 20 === 0) {
      app.clock.advanceHours(0.1);
      await dispatcher.runDue();
    }
  }
  app.clock.advanceHours(1);
  while (await dispatcher.runDue() > 0);
}

describe('erasing a respondent, on the bytes of the database file', () => {
  it('leaves no trace of the email, user id or comment after hundreds of rows split the pages around them', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver();
    const hook = await adminCall(app, 'POST', '/v1/webhooks', { url: receiver.url, events: ['response.created', 'response.updated', 'loop.opened'] });
    expect(hook.statusCode).toBe(201);
    await busySite(app, createWebhookDispatcher(app.db, { allowPrivate: true, now: app.clock.now }));
    expect(receiver.received.filter((request) => request.body.includes('Vorpalwhisk')).length).toBeGreaterThanOrEqual(2);
    expect(diskBytes(app).text).toContain('vorpalwhisk');

    const erased = await adminCall(app, 'DELETE', `/v1/respondents?email=${encodeURIComponent(EMAIL.toUpperCase())}`);
    expect(erased.statusCode).toBe(200);
    expect(erased.json().erased).toMatchObject({ responses: 2, loops: 2, walCheckpointed: true });
    expect(erased.json().erased.webhookDeliveries).toBeGreaterThanOrEqual(4);

    const disk = diskBytes(app);
    expect(disk.bytes).toBeGreaterThan(500_000);
    const left = SECRETS.filter((secret) => disk.text.includes(secret));
    expect(left, `found in the ${disk.bytes} bytes of the database file and its WAL`).toEqual([]);
    // The scan sees data that is there: everyone else's answers, rows and payloads.
    expect(disk.text).toContain(`visitor${VISITORS - 1}@example.org`);
    expect(disk.text).toContain('comment 42: the box was dented');
    expect(await dbValue(app, 'SELECT COUNT(*) FROM responses')).toBe(VISITORS);
  });
});
