import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { notifyOverdue } from '../../src/webhooks/webhook-hooks.ts';
import { RETRY_DELAYS_MS } from '../../src/webhooks/retry-schedule.ts';
import { generateSecret } from '../../src/webhooks/signing.ts';
import { createWebhookDispatcher } from '../../src/webhooks/webhook-dispatcher.ts';
import { adminCall, closeLoopApp, fakeClock, ingestAt } from '../loops/close-loop-app.ts';
import { createSurvey } from '../helpers.ts';
import { dbRows, dbValue } from '../support/db-rows.ts';
import { startReceiver, type Received } from './receiver.ts';

type App = Awaited<ReturnType<typeof closeLoopApp>>;

function verify(secret: string, request: Received): boolean {
  const key = Buffer.from(secret.replace('whsec_', ''), 'base64');
  const signed = `${request.headers['webhook-id']}.${request.headers['webhook-timestamp']}.${request.body}`;
  const expected = `v1,${createHmac('sha256', key).update(signed).digest('base64')}`;
  return String(request.headers['webhook-signature']).split(' ').includes(expected);
}

async function subscribe(app: App, url: string, events: string[]) {
  const response = await adminCall(app, 'POST', '/v1/webhooks', { url, events });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; secret: string };
}

const dispatcherOf = (app: App) => createWebhookDispatcher(app.db, { allowPrivate: true, now: app.clock.now });
const deliveries = async (app: App, id: string) => (await adminCall(app, 'GET', `/v1/webhooks/${id}/deliveries`)).json().deliveries;

describe('webhook administration', () => {
  it('shows the secret once, never lists it, deletes, and refuses loopback unless allowed', async () => {
    const refusing = await closeLoopApp();
    for (const url of [
      'http://127.0.0.1:8080/x', 'http://localhost/x', 'http://[::1]/x', 'http://10.0.0.7/x', 'http://169.254.169.254/latest',
      'http://[64:ff9b::127.0.0.1]/x', 'http://[::127.0.0.1]/x', 'http://[::ffff:127.0.0.1]/x', 'http://[::ffff:0:10.0.0.7]/x', 'http://[64:ff9b::169.254.169.254]/latest',
    ]) {
      const refused = await adminCall(refusing, 'POST', '/v1/webhooks', { url, events: ['loop.opened'] });
      expect(refused.statusCode, url).toBe(400);
      expect(refused.json().error.code).toBe('url_refused');
    }
    for (const body of [{ url: 'ftp://example.com/x', events: ['loop.opened'] }, { url: 'https://example.com', events: [] }, { url: 'https://example.com', events: ['loop.closed'] }]) {
      expect((await adminCall(refusing, 'POST', '/v1/webhooks', body)).statusCode).toBe(400);
    }
    expect(await dbValue(refusing, 'SELECT COUNT(*) FROM webhooks')).toBe(0);

    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const created = await subscribe(app, 'http://127.0.0.1:9/hooks', ['loop.opened', 'loop.opened', 'response.created']);
    expect(created).toMatchObject({ id: expect.stringMatching(/^wh_/), secret: expect.stringMatching(/^whsec_/), events: ['loop.opened', 'response.created'] });
    const listed = (await adminCall(app, 'GET', '/v1/webhooks')).body;
    expect(listed).toContain(created.id);
    expect(listed).not.toContain(created.secret);
    expect((await adminCall(app, 'GET', `/v1/webhooks/${created.id}`)).body).not.toContain('whsec_');
    expect((await adminCall(app, 'DELETE', `/v1/webhooks/${created.id}`)).statusCode).toBe(204);
    expect((await adminCall(app, 'DELETE', `/v1/webhooks/${created.id}`)).statusCode).toBe(404);
  });
});

describe('webhook delivery', () => {
  it('refuses at delivery a loopback target saved while private targets were allowed, in any IPv6 spelling', async () => {
    const receiver = await startReceiver();
    const port = new URL(receiver.url).port;
    const allowing = await closeLoopApp({ allowPrivateWebhooks: true });
    for (const host of ['[::ffff:127.0.0.1]', '[64:ff9b::127.0.0.1]', '[::127.0.0.1]']) await subscribe(allowing, `http://${host}:${port}/hooks`, ['response.created']);
    await allowing.close();

    const app = await closeLoopApp({ dbPath: allowing.dbPath });
    await ingestAt(app, { id: 'resp_guarded01', score: 9 });
    expect(await createWebhookDispatcher(app.db, { allowPrivate: false, now: app.clock.now }).runDue()).toBe(3);
    const errors = (await dbRows(app, 'SELECT last_error FROM webhook_deliveries')).map((delivery) => delivery.last_error);
    expect(errors).toEqual(new Array(3).fill(expect.stringContaining('a private or loopback address')));
    expect(receiver.received).toHaveLength(0);
  });

  it('delivers signed Standard Webhooks messages, retrying with backoff after a failure', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver([500]);
    await ingestAt(app, { id: 'resp_nobody001', score: 9 });
    const hook = await subscribe(app, receiver.url, ['response.created']);
    await ingestAt(app, { id: 'resp_webhook01', score: 9, comment: 'Great' });
    const dispatcher = dispatcherOf(app);

    expect(await dispatcher.runDue()).toBe(1);
    expect(receiver.received).toHaveLength(1);
    expect(await deliveries(app, hook.id)).toMatchObject([{ state: 'pending', attempts: 1, lastStatus: 500, lastError: 'HTTP 500' }]);
    expect(await dispatcher.runDue()).toBe(0);
    app.clock.advanceHours(RETRY_DELAYS_MS[0] / 3_600_000);
    expect(await dispatcher.runDue()).toBe(1);

    const [first, second] = receiver.received;
    expect(second.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(second.body).toBe(first.body);
    for (const request of receiver.received) {
      expect(verify(hook.secret, request)).toBe(true);
      expect(Number(request.headers['webhook-timestamp'])).toBe(Math.floor(Date.parse('2026-03-02T09:00:00Z') / 1000) + (request === first ? 0 : 5));
    }
    expect(verify(generateSecret(), first)).toBe(false);
    expect(JSON.parse(second.body)).toMatchObject({
      type: 'response.created', timestamp: '2026-03-02T09:00:00.000Z',
      data: { response: { id: 'resp_webhook01', score: 9, group: 'promoter', comment: 'Great', contact: null } },
    });
    expect(await deliveries(app, hook.id)).toMatchObject([{ state: 'succeeded', attempts: 2, lastStatus: 200, lastError: null }]);
  });

  it('holds loop.opened back so it carries the comment that follows the score', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true, loopOpenedDelayMs: 120_000 });
    const receiver = await startReceiver();
    const hook = await subscribe(app, receiver.url, ['loop.opened', 'response.updated']);
    await ingestAt(app, { id: 'resp_delayed01', score: 1, consent: true, respondent: { email: 'zoe@example.com' } });
    await dispatcherOf(app).runDue();
    expect(receiver.received).toHaveLength(0);
    app.clock.advanceHours(1 / 120); // 30 s later the comment arrives
    await ingestAt(app, { id: 'resp_delayed01', score: 1, comment: 'The app crashed twice' });
    await dispatcherOf(app).runDue();
    expect(receiver.received.map((request) => JSON.parse(request.body).type)).toEqual(['response.updated']);
    app.clock.advanceHours(1 / 40); // 90 s more: two minutes after the score
    await dispatcherOf(app).runDue();
    const opened = JSON.parse(receiver.received[1].body);
    expect(opened).toMatchObject({
      type: 'loop.opened', timestamp: '2026-03-02T09:00:00.000Z',
      data: { loop: { responseId: 'resp_delayed01', state: 'open', contactable: true, contact: { email: 'zoe@example.com' }, response: { comment: 'The app crashed twice' } } },
    });
    expect(receiver.received.every((request) => verify(hook.secret, request))).toBe(true);
  });

  it('keeps pending deliveries across a restart and delivers them afterwards', async () => {
    const clock = fakeClock();
    const first = await closeLoopApp({ allowPrivateWebhooks: true, clock });
    const receiver = await startReceiver([503]);
    const hook = await subscribe(first, receiver.url, ['response.created']);
    await ingestAt(first, { id: 'resp_restart01', score: 7 });
    await dispatcherOf(first).runDue();
    await first.close();

    const reopened = await closeLoopApp({ allowPrivateWebhooks: true, clock, dbPath: first.dbPath });
    clock.advanceHours(1);
    expect(await createWebhookDispatcher(reopened.db, { allowPrivate: true, now: clock.now }).runDue()).toBe(1);
    expect(receiver.received).toHaveLength(2);
    expect(verify(hook.secret, receiver.received[1])).toBe(true);
    expect(await deliveries(reopened, hook.id)).toMatchObject([{ state: 'succeeded', attempts: 2 }]);
  });

  it('gives up after the last retry, about a day later, and says so in the log', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver(new Array(RETRY_DELAYS_MS.length + 1).fill(500));
    const hook = await subscribe(app, receiver.url, ['response.created']);
    await ingestAt(app, { id: 'resp_giveup001', score: 5 });
    const dispatcher = dispatcherOf(app);
    const started = app.clock.now();
    await dispatcher.runDue();
    for (const delay of RETRY_DELAYS_MS) {
      app.clock.advanceHours(delay / 3_600_000);
      expect(await dispatcher.runDue()).toBe(1);
    }
    expect(app.clock.now() - started).toBeGreaterThan(24 * 3_600_000);
    expect(receiver.received).toHaveLength(RETRY_DELAYS_MS.length + 1);
    expect(await deliveries(app, hook.id)).toMatchObject([{ state: 'failed', attempts: RETRY_DELAYS_MS.length + 1, nextAttemptAt: null, lastStatus: 500 }]);
    app.clock.advanceHours(100);
    expect(await dispatcher.runDue()).toBe(0);
  });

  it('sends loop.overdue once when an open loop passes its SLA', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver();
    await subscribe(app, receiver.url, ['loop.overdue']);
    await ingestAt(app, { id: 'resp_overdue01', score: 0 });
    await ingestAt(app, { id: 'resp_overdue02', score: 0 });
    await adminCall(app, 'PATCH', '/v1/responses/resp_overdue02', { status: 'contacted' });
    expect(await notifyOverdue(app.db, app.clock.now())).toBe(0);
    app.clock.advanceHours(49);
    expect(await notifyOverdue(app.db, app.clock.now())).toBe(1);
    expect(await notifyOverdue(app.db, app.clock.now())).toBe(0);
    await dispatcherOf(app).runDue();
    expect(receiver.received.map((request) => JSON.parse(request.body))).toMatchObject([
      { type: 'loop.overdue', data: { loop: { responseId: 'resp_overdue01', overdue: true } } },
    ]);
  });

  it('holds each survey to its own SLA when looking for overdue loops', async () => {
    const app = await closeLoopApp();
    await createSurvey(app, { id: 'fast', allowedOrigins: [] });
    expect((await adminCall(app, 'PATCH', '/v1/surveys/fast/loop-settings', { slaHours: 4 })).statusCode).toBe(200);
    await ingestAt(app, { id: 'resp_slafast01', surveyId: 'fast', score: 1 });
    await ingestAt(app, { id: 'resp_sladflt01', score: 1 });
    const overdueIds = async () => (await dbRows(app, 'SELECT response_id FROM loops WHERE overdue_notified_at IS NOT NULL ORDER BY response_id')).map((row) => row.response_id);
    app.clock.advanceHours(3);
    expect(await notifyOverdue(app.db, app.clock.now())).toBe(0);
    app.clock.advanceHours(2);
    expect(await notifyOverdue(app.db, app.clock.now())).toBe(1);
    expect(await overdueIds()).toEqual(['resp_slafast01']);
    app.clock.advanceHours(44);
    expect(await notifyOverdue(app.db, app.clock.now())).toBe(1);
    expect(await overdueIds()).toEqual(['resp_sladflt01', 'resp_slafast01']);
  });

  it.each([[302], [404], [500]])('treats HTTP %i as a failure to retry (redirects are not followed)', async (status) => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver([status]);
    const hook = await subscribe(app, receiver.url, ['response.created']);
    await ingestAt(app, { id: 'resp_status001', score: 8 });
    await dispatcherOf(app).runDue();
    expect(receiver.received).toHaveLength(1);
    expect(await deliveries(app, hook.id)).toMatchObject([{ state: 'pending', attempts: 1, lastStatus: status, lastError: `HTTP ${status}` }]);
  });

  it('does not send loop.opened when the score moved up before the delay ended', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver();
    const hook = await subscribe(app, receiver.url, ['loop.opened']);
    await ingestAt(app, { id: 'resp_retract01', score: 4 });
    await ingestAt(app, { id: 'resp_retract01', score: 9 });
    app.clock.advanceHours(1);
    await dispatcherOf(app).runDue();
    expect(receiver.received).toHaveLength(0);
    expect(await deliveries(app, hook.id)).toMatchObject([{ state: 'failed', attempts: 1, lastError: expect.stringContaining('score changed') }]);
  });
});
