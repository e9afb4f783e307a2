import { describe, expect, it } from 'vitest';
import { createWebhookDispatcher } from '../../src/webhooks/webhook-dispatcher.ts';
import { notifyOverdue } from '../../src/webhooks/webhook-hooks.ts';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';
import { dbRows } from '../support/db-rows.ts';
import { startReceiver } from './receiver.ts';

// Pausing a webhook: nothing new is queued for it, what was queued waits, and resuming sends what waited.

type App = Awaited<ReturnType<typeof closeLoopApp>>;

const dispatcherOf = (app: App) => createWebhookDispatcher(app.db, { allowPrivate: true, now: app.clock.now });
const deliveries = async (app: App, id: string) => (await adminCall(app, 'GET', `/v1/webhooks/${id}/deliveries`)).json().deliveries as { type: string; state: string }[];

async function subscribe(app: App, url: string, events: string[]) {
  const response = await adminCall(app, 'POST', '/v1/webhooks', { url, events });
  expect(response.statusCode, response.body).toBe(201);
  expect(response.json()).toMatchObject({ paused: false, pausedAt: null });
  return response.json() as { id: string };
}

describe('pausing a webhook', () => {
  it('queues nothing for a paused webhook, holds what was queued, and sends it after resuming', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver();
    const paused = await subscribe(app, receiver.url, ['response.created']);
    const other = await startReceiver();
    const active = await subscribe(app, other.url, ['response.created']);
    await ingestAt(app, { id: 'resp_before001', score: 9 });

    const pausedAt = app.clock.now();
    const answer = await adminCall(app, 'PATCH', `/v1/webhooks/${paused.id}`, { paused: true });
    expect(answer.statusCode, answer.body).toBe(200);
    expect(answer.json()).toMatchObject({ id: paused.id, paused: true, pausedAt: new Date(pausedAt).toISOString() });
    expect(await dbRows(app, 'SELECT paused_at FROM webhooks WHERE id = ?', paused.id)).toEqual([{ paused_at: pausedAt }]);
    // Pausing again keeps the time it was first paused.
    app.clock.advanceHours(1);
    expect((await adminCall(app, 'PATCH', `/v1/webhooks/${paused.id}`, { paused: true })).json().pausedAt).toBe(new Date(pausedAt).toISOString());

    // An answer while paused queues a delivery for the other webhook only.
    await ingestAt(app, { id: 'resp_during01', score: 8 });
    expect((await deliveries(app, paused.id)).map((delivery) => delivery.state)).toEqual(['pending']);
    expect(await deliveries(app, active.id)).toHaveLength(2);

    // The worker sends the other webhook's deliveries; the paused one's delivery waits.
    expect(await dispatcherOf(app).runDue()).toBe(2);
    expect(receiver.received).toHaveLength(0);
    expect(other.received).toHaveLength(2);
    expect(await dispatcherOf(app).runDue()).toBe(0);
    expect((await deliveries(app, paused.id)).map((delivery) => delivery.state)).toEqual(['pending']);

    const resumed = await adminCall(app, 'PATCH', `/v1/webhooks/${paused.id}`, { paused: false });
    expect(resumed.json()).toMatchObject({ paused: false, pausedAt: null });
    expect(await dispatcherOf(app).runDue()).toBe(1);
    expect(receiver.received.map((request) => JSON.parse(request.body).data.response.id)).toEqual(['resp_before001']);
    // Resumed, it hears of new answers again.
    await ingestAt(app, { id: 'resp_after0001', score: 10 });
    expect(await dispatcherOf(app).runDue()).toBe(2);
    expect(receiver.received).toHaveLength(2);
  });

  it('queues no loop.overdue for a paused webhook, but still sends it a test message', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver();
    const hook = await subscribe(app, receiver.url, ['loop.overdue']);
    await ingestAt(app, { id: 'resp_overdue01', score: 2 });
    expect((await adminCall(app, 'PATCH', `/v1/webhooks/${hook.id}`, { paused: true })).statusCode).toBe(200);
    app.clock.advanceHours(49);
    expect(await notifyOverdue(app.db, app.clock.now())).toBe(1);
    expect(await deliveries(app, hook.id)).toEqual([]);

    expect((await adminCall(app, 'POST', `/v1/webhooks/${hook.id}/test`)).statusCode).toBe(202);
    expect(await dispatcherOf(app).runDue()).toBe(1);
    expect(receiver.received.map((request) => JSON.parse(request.body).type)).toEqual(['webhook.test']);
    expect((await adminCall(app, 'GET', `/v1/webhooks/${hook.id}`)).json()).toMatchObject({ paused: true });
  });

  it('refuses a paused value that is not true or false, and changes nothing', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const hook = await subscribe(app, 'http://127.0.0.1:9/hooks', ['loop.opened']);
    const refused = await adminCall(app, 'PATCH', `/v1/webhooks/${hook.id}`, { paused: 'yes' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toEqual({ code: 'invalid_request', message: expect.stringMatching(/paused: must be true or false/) });
    expect(await dbRows(app, 'SELECT paused_at FROM webhooks')).toEqual([{ paused_at: null }]);
  });
});
