import { describe, expect, it } from 'vitest';
import { RETRY_DELAYS_MS } from '../../src/webhooks/retry-schedule.ts';
import { createWebhookDispatcher } from '../../src/webhooks/webhook-dispatcher.ts';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';
import { createSurvey } from '../helpers.ts';
import { dbRows } from '../support/db-rows.ts';
import { startReceiver } from './receiver.ts';

// Changing a webhook, sending it a test message, and retrying a delivery the worker gave up on.

type App = Awaited<ReturnType<typeof closeLoopApp>>;

async function subscribe(app: App, url: string, events: string[]) {
  const response = await adminCall(app, 'POST', '/v1/webhooks', { url, events, description: 'CRM' });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; secret: string };
}

const dispatcherOf = (app: App) => createWebhookDispatcher(app.db, { allowPrivate: true, now: app.clock.now });
const deliveries = async (app: App, id: string) => (await adminCall(app, 'GET', `/v1/webhooks/${id}/deliveries`)).json().deliveries;

describe('changing a webhook', () => {
  it('changes address, events, survey and description; keeps the secret; pending deliveries go to the new address', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    await createSurvey(app, { id: 'checkout', name: 'Checkout' });
    const old = await startReceiver();
    const moved = await startReceiver();
    const hook = await subscribe(app, old.url, ['response.created']);
    await ingestAt(app, { id: 'resp_pending01', score: 9 });

    const changed = await adminCall(app, 'PATCH', `/v1/webhooks/${hook.id}`, { url: moved.url, events: ['loop.opened', 'response.created'], surveyId: 'checkout', description: null });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toEqual({
      id: hook.id, url: moved.url, format: 'standard', events: ['loop.opened', 'response.created'], surveyId: 'checkout', description: null, createdAt: expect.any(String),
      paused: false, pausedAt: null,
    });
    expect(changed.body).not.toContain('whsec_');
    expect(await dbRows(app, 'SELECT url, survey_id, description FROM webhooks')).toEqual([{ url: moved.url, survey_id: 'checkout', description: null }]);

    // The delivery queued before the change goes to the new address, signed with the same secret.
    expect(await dispatcherOf(app).runDue()).toBe(1);
    expect(old.received).toHaveLength(0);
    expect(moved.received).toHaveLength(1);
    // Scoped to checkout now: a demo answer queues nothing; back to every survey with null.
    await ingestAt(app, { id: 'resp_demoonly1', score: 9 });
    expect(await deliveries(app, hook.id)).toHaveLength(1);
    expect((await adminCall(app, 'PATCH', `/v1/webhooks/${hook.id}`, { surveyId: null })).json()).toMatchObject({ surveyId: null, url: moved.url });
    await ingestAt(app, { id: 'resp_everyone1', score: 9 });
    expect(await deliveries(app, hook.id)).toHaveLength(2);
  });

  it('refuses bad changes with the field and rule, and changes nothing', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: false });
    const created = await adminCall(app, 'POST', '/v1/webhooks', { url: 'https://93.184.215.14/hooks', events: ['loop.opened'] });
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json();
    const cases: [unknown, number, string, RegExp][] = [
      [{}, 400, 'invalid_request', /must change at least one of url, events, format, surveyId, description, paused/],
      [{ events: [] }, 400, 'invalid_request', /events: must name at least one event/],
      [{ url: 'ftp://example.com/x' }, 400, 'invalid_request', /url: must be an http or https URL/],
      [{ url: 'http://127.0.0.1:9/x' }, 400, 'url_refused', /^url: /],
      [{ surveyId: 'nowhere' }, 404, 'survey_not_found', /nowhere/],
      [{ secret: 'whsec_mine' }, 400, 'invalid_request', /secret/],
    ];
    for (const [body, status, code, message] of cases) {
      const refused = await adminCall(app, 'PATCH', `/v1/webhooks/${id}`, body);
      expect(refused.statusCode, JSON.stringify(body)).toBe(status);
      expect(refused.json().error.code).toBe(code);
      expect(refused.json().error.message).toMatch(message);
    }
    expect((await adminCall(app, 'PATCH', '/v1/webhooks/wh_0000000000000000', { description: 'x' })).statusCode).toBe(404);
    expect(await dbRows(app, 'SELECT url, events, survey_id FROM webhooks')).toEqual([{ url: 'https://93.184.215.14/hooks', events: '["loop.opened"]', survey_id: null }]);
  });
});

describe('test messages', () => {
  it('queues a signed test message due at once, sent once and never retried, shown in the delivery log', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver([500]);
    const hook = await subscribe(app, receiver.url, ['loop.opened']);

    const queued = await adminCall(app, 'POST', `/v1/webhooks/${hook.id}/test`);
    expect(queued.statusCode, queued.body).toBe(202);
    expect(queued.json()).toMatchObject({ id: expect.stringMatching(/^msg_/), type: 'webhook.test', state: 'pending', attempts: 0 });
    expect(await dispatcherOf(app).runDue()).toBe(1);
    expect(JSON.parse(receiver.received[0].body)).toEqual({
      type: 'webhook.test', timestamp: '2026-03-02T09:00:00.000Z',
      data: { webhook: { id: hook.id, url: receiver.url, description: 'CRM' }, message: 'A test message from npsloop: this webhook is reachable.' },
    });
    expect(receiver.received[0].headers['webhook-id']).toBe(queued.json().id);
    // The receiver answered 500: failed at once, no retry scheduled.
    expect(await deliveries(app, hook.id)).toMatchObject([{ type: 'webhook.test', state: 'failed', attempts: 1, lastStatus: 500, nextAttemptAt: null }]);
    app.clock.advanceHours(30);
    expect(await dispatcherOf(app).runDue()).toBe(0);

    // The second test reaches it.
    await adminCall(app, 'POST', `/v1/webhooks/${hook.id}/test`);
    await dispatcherOf(app).runDue();
    expect((await deliveries(app, hook.id))[0]).toMatchObject({ type: 'webhook.test', state: 'succeeded', lastStatus: 200 });
    expect((await adminCall(app, 'POST', '/v1/webhooks/wh_0000000000000000/test')).statusCode).toBe(404);
  });
});

describe('retrying a failed delivery', () => {
  it('tries a delivery the worker gave up on once more, now; refuses one that is pending or delivered', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver(new Array(RETRY_DELAYS_MS.length + 1).fill(503));
    const hook = await subscribe(app, receiver.url, ['response.created']);
    await ingestAt(app, { id: 'resp_giveup001', score: 9 });
    const dispatcher = dispatcherOf(app);
    await dispatcher.runDue();
    const [pending] = await deliveries(app, hook.id);
    const retry = (deliveryId: string, webhookId = hook.id) => adminCall(app, 'POST', `/v1/webhooks/${webhookId}/deliveries/${deliveryId}/retry`);
    expect(pending).toMatchObject({ state: 'pending', attempts: 1 });
    const early = await retry(pending.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toEqual({ code: 'delivery_not_failed', message: 'deliveryId: the delivery is pending; only a failed delivery can be retried' });

    for (const delay of RETRY_DELAYS_MS) {
      app.clock.advanceHours(delay / 3_600_000);
      await dispatcher.runDue();
    }
    expect(await deliveries(app, hook.id)).toMatchObject([{ state: 'failed', attempts: RETRY_DELAYS_MS.length + 1, nextAttemptAt: null }]);

    const retried = await retry(pending.id);
    expect(retried.statusCode, retried.body).toBe(202);
    expect(retried.json()).toMatchObject({ id: pending.id, state: 'pending', nextAttemptAt: '2026-03-03T12:35:05.000Z' });
    expect(await dispatcher.runDue()).toBe(1);
    expect(receiver.received).toHaveLength(RETRY_DELAYS_MS.length + 2);
    expect(receiver.received.at(-1)!.headers['webhook-id']).toBe(pending.id);
    expect(await deliveries(app, hook.id)).toMatchObject([{ state: 'succeeded', attempts: RETRY_DELAYS_MS.length + 2, lastStatus: 200 }]);
    const again = await retry(pending.id);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('deliveryId: the delivery is succeeded; only a failed delivery can be retried');

    expect((await retry('msg_AAAAAAAAAAAAAAAA')).json().error.code).toBe('delivery_not_found');
    expect((await retry('not-a-delivery')).statusCode).toBe(400);
    const other = await subscribe(app, receiver.url, ['loop.opened']);
    expect((await retry(pending.id, other.id)).statusCode).toBe(404);
  });
});
