/** An API invitation run stopped by a shutdown goes on when the collector starts again on the same database, sending exactly the rest. */
import { describe, expect, it } from 'vitest';
import { asAdmin, createSurvey, post, testApp } from '../helpers.ts';
import { dbRows } from '../support/db-rows.ts';
import { startSmtpReceiver } from './smtp-receiver.ts';

const FROM = 'Acme <nps@acme.example>';
const PEOPLE = ['ann', 'bob', 'cleo', 'dan', 'eve', 'fay'].map((name) => `${name}@example.com`);

describe('an API invitation run across a restart', () => {
  it('stops before the next email on shutdown, and sends exactly the people not reached when the collector starts again', async () => {
    const smtp = await startSmtpReceiver();
    const settings = { publicUrl: 'https://nps.acme.example', mail: { smtpUrl: smtp.url, from: FROM, ratePerMinute: 120 } };
    const first = await testApp(settings);
    await createSurvey(first);
    const started = await post(first, '/v1/surveys/demo/invitations', {
      recipients: PEOPLE.map((email, index) => (index === 5 ? { email, locale: 'de', userId: 'u-fay', traits: { plan: 'pro' } } : { email })), touchpoint: 'onboarding',
    }, asAdmin);
    expect(started.statusCode, started.body).toBe(202);
    const runId = started.json().run.id;

    await smtp.waitFor(2);
    await first.close();
    const reachedBefore = smtp.received.length;
    const [stopped] = await dbRows(first, 'SELECT state, resumable, error FROM invitation_runs');
    expect(stopped).toMatchObject({ state: 'failed', resumable: 1, error: expect.stringContaining('goes on with the rest when the collector starts again') });
    const pending = await dbRows(first, "SELECT email FROM invitations WHERE state = 'pending' ORDER BY email");
    expect(pending.length, 'the shutdown came before the last email').toBeGreaterThan(0);
    expect(pending.length + reachedBefore).toBe(PEOPLE.length);

    const second = await testApp({ ...settings, dbPath: first.dbPath });
    await second.ready();
    await smtp.waitFor(PEOPLE.length);
    const run = async () => (await second.inject({ url: `/v1/invitations/${runId}`, headers: asAdmin })).json();
    for (let body = await run(); body.run.state === 'sending'; body = await run()) await new Promise((resolve) => setImmediate(resolve));
    const { run: finished, log } = await run();
    expect(finished).toMatchObject({ state: 'done', error: null, counts: { sent: PEOPLE.length, pending: 0, sending: 0, failed: 0, skipped: 0 } });
    expect(log.map((entry: { email: string; state: string }) => [entry.email, entry.state])).toEqual(PEOPLE.map((email) => [email, 'sent']));
    // Everyone exactly once, across both lives of the collector.
    expect(smtp.received.map((message) => message.to).sort()).toEqual(PEOPLE);
    // A person sent after the restart got their language and their link carries their details.
    const fay = smtp.received.find((message) => message.to === 'fay@example.com')!;
    expect(fay.mail.html).toContain('<html lang="de">');
    expect(await dbRows(second, "SELECT user_id, touchpoint FROM survey_links WHERE email = 'fay@example.com'")).toEqual([{ user_id: 'u-fay', touchpoint: 'onboarding' }]);
    expect((await dbRows(second, 'SELECT resumable FROM invitation_runs'))[0].resumable).toBe(0);
  });
});
