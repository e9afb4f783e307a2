import { describe, expect, it } from 'vitest';
import { asAdmin, createSurvey, post, testApp } from '../helpers.ts';
import { dbRows } from '../support/db-rows.ts';
import { startSmtpReceiver } from './smtp-receiver.ts';

type App = Awaited<ReturnType<typeof testApp>>;
const FROM = 'Acme <nps@acme.example>';

/** Reads the run until its state leaves `sending` (each read is a real request; the SMTP server already said it got the mail). */
async function finishedRun(app: App, runId: string) {
  for (;;) {
    const body = (await app.inject({ url: `/v1/invitations/${runId}`, headers: asAdmin })).json();
    if (body.run.state !== 'sending') return body;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('POST /v1/surveys/:id/invitations', () => {
  it('answers 202 at once, sends in the background, and shows the run and its send log', async () => {
    const smtp = await startSmtpReceiver();
    const app = await testApp({ publicUrl: 'https://nps.acme.example', mail: { smtpUrl: smtp.url, from: FROM, ratePerMinute: 10_000 } });
    await createSurvey(app);
    const started = await post(app, '/v1/surveys/demo/invitations', {
      recipients: [{ email: 'ann@example.com', locale: 'de', traits: { plan: 'pro' } }, { email: 'bob@example.com' }, { email: 'ANN@example.com' }], subject: 'Two minutes for {brand}?',
    }, asAdmin);
    expect(started.statusCode, started.body).toBe(202);
    expect(started.json().run).toMatchObject({ id: expect.stringMatching(/^inv_/), surveyId: 'demo', sender: FROM, total: 2 });
    await smtp.waitFor(2);
    const { run, log } = await finishedRun(app, started.json().run.id);
    expect(run).toMatchObject({ state: 'done', counts: { sent: 2, skipped: 0, failed: 0, pending: 0, sending: 0 }, finishedAt: expect.any(String) });
    expect(log).toMatchObject([{ email: 'ann@example.com', state: 'sent', reason: null }, { email: 'bob@example.com', state: 'sent' }]);
    expect(smtp.received.map((message) => [message.to, message.mail.subject])).toEqual([['ann@example.com', 'Two minutes for Acme?'], ['bob@example.com', 'Two minutes for Acme?']]);
    expect(smtp.received[0].mail.html).toContain('<html lang="de">');

    const again = await post(app, '/v1/surveys/demo/invitations', { recipients: [{ email: 'bob@example.com' }] }, asAdmin);
    const second = await finishedRun(app, again.json().run.id);
    expect(second.log).toMatchObject([{ email: 'bob@example.com', state: 'skipped', reason: expect.stringMatching(/^invited on \d{4}-\d\d-\d\d$/) }]);
    const runs = (await app.inject({ url: '/v1/surveys/demo/invitations', headers: asAdmin })).json().runs;
    expect(runs.map((listed: { id: string }) => listed.id)).toEqual([again.json().run.id, started.json().run.id]);
  });

  it('refuses bad input naming the field, and says so when the collector has no SMTP server', async () => {
    const app = await testApp();
    await createSurvey(app);
    const noSmtp = await post(app, '/v1/surveys/demo/invitations', { recipients: [{ email: 'a@b.example' }] }, asAdmin);
    expect([noSmtp.statusCode, noSmtp.json().error.code]).toEqual([501, 'smtp_not_configured']);
    const bad = await post(app, '/v1/surveys/demo/invitations', { recipients: [{ userId: 'u-1' }] }, asAdmin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('recipients.0.email');
    expect((await app.inject({ url: '/v1/invitations/inv_0000000000000000', headers: asAdmin })).statusCode).toBe(404);
    expect(await dbRows(app, 'SELECT id FROM invitation_runs')).toEqual([]);
  });
});
