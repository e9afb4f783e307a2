import { describe, expect, it } from 'vitest';
import { chatMessage, chatSafe, lateness } from '../../src/webhooks/chat-message.ts';
import { createWebhookDispatcher } from '../../src/webhooks/webhook-dispatcher.ts';
import { notifyOverdue } from '../../src/webhooks/webhook-hooks.ts';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';
import { dbValue } from '../support/db-rows.ts';
import { startReceiver } from './receiver.ts';

type App = Awaited<ReturnType<typeof closeLoopApp>>;

const PUBLIC_URL = 'https://nps.acme.example';
const chatDispatcher = (app: App) => createWebhookDispatcher(app.db, { allowPrivate: true, now: app.clock.now, publicUrl: PUBLIC_URL });

describe('chat alerts: webhooks with format "slack"', () => {
  it('post loop.opened to the chat as { text } with score, comment, touchpoint and the dashboard link, after a retry', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true, loopOpenedDelayMs: 0 });
    const receiver = await startReceiver([500]);
    const created = await adminCall(app, 'POST', '/v1/webhooks', { url: receiver.url, events: ['loop.opened'], format: 'slack' });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ format: 'slack', events: ['loop.opened'] });
    await ingestAt(app, { id: 'resp_chat_0001', score: 3, touchpoint: 'checkout', comment: '<!channel> paid twice & @here nobody answers' });

    expect(await chatDispatcher(app).runDue()).toBe(1);
    app.clock.advanceHours(1);
    expect(await chatDispatcher(app).runDue()).toBe(1);
    expect(receiver.received).toHaveLength(2);
    const message = JSON.parse(receiver.received[1].body);
    expect(Object.keys(message)).toEqual(['text']);
    expect(message.text).toBe([
      'New detractor in demo: 3/10 at checkout',
      '“&lt;!channel&gt; paid twice &amp; @\u200bhere nobody answers”',
      'Nobody is assigned yet.',
      'Open the loop inbox: https://nps.acme.example/dashboard/#/demo/inbox',
    ].join('\n'));
    expect(receiver.received[1].headers['content-type']).toBe('application/json');
    expect(receiver.received[1].headers['webhook-signature']).toMatch(/^v1,/);
    const log = (await adminCall(app, 'GET', `/v1/webhooks/${created.json().id}/deliveries`)).json().deliveries;
    expect(log).toMatchObject([{ type: 'loop.opened', state: 'succeeded', attempts: 2, lastStatus: 200 }]);
  });

  it('post loop.overdue with how late the loop is', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true, loopOpenedDelayMs: 0 });
    const receiver = await startReceiver();
    await adminCall(app, 'POST', '/v1/webhooks', { url: receiver.url, events: ['loop.overdue'], format: 'slack' });
    await ingestAt(app, { id: 'resp_chat_0002', score: 1 });
    app.clock.advanceHours(48 + 5);
    expect(await notifyOverdue(app.db, app.clock.now())).toBe(1);
    await chatDispatcher(app).runDue();
    expect(JSON.parse(receiver.received[0].body).text).toMatch(/^Loop overdue in demo by \d+ h: 1\/10\nNo comment\.\nNobody is assigned yet\.\nOpen the loop inbox: /);
  });

  it('send the dashboard\'s test message to a chat target as a line of text, tried once', async () => {
    const app = await closeLoopApp({ allowPrivateWebhooks: true });
    const receiver = await startReceiver();
    const created = (await adminCall(app, 'POST', '/v1/webhooks', { url: receiver.url, events: ['loop.opened'], format: 'slack' })).json();
    expect((await adminCall(app, 'POST', `/v1/webhooks/${created.id}/test`)).statusCode).toBe(202);
    expect(await chatDispatcher(app).runDue()).toBe(1);
    expect(JSON.parse(receiver.received[0].body)).toEqual({ text: 'Test message from npsloop (webhook.test): this chat alert works.' });
    const log = (await adminCall(app, 'GET', `/v1/webhooks/${created.id}/deliveries`)).json().deliveries;
    expect(log).toMatchObject([{ type: 'webhook.test', state: 'succeeded', attempts: 1, lastStatus: 200 }]);

    // Switched back to Standard Webhooks, the same test message arrives as its JSON body.
    expect((await adminCall(app, 'PATCH', `/v1/webhooks/${created.id}`, { format: 'standard' })).json()).toMatchObject({ format: 'standard' });
    await adminCall(app, 'POST', `/v1/webhooks/${created.id}/test`);
    expect(await chatDispatcher(app).runDue()).toBe(1);
    expect(JSON.parse(receiver.received[1].body)).toMatchObject({ type: 'webhook.test' });
  });

  it('refuses an unknown format naming the field, and keeps the SSRF rule for chat targets', async () => {
    const refusing = await closeLoopApp();
    const badFormat = await adminCall(refusing, 'POST', '/v1/webhooks', { url: 'https://chat.example/hook', events: ['loop.opened'], format: 'teams' });
    expect(badFormat.statusCode).toBe(400);
    expect(badFormat.json().error.message).toContain('format: must be one of standard, slack');
    const loopback = await adminCall(refusing, 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['loop.opened'], format: 'slack' });
    expect([loopback.statusCode, loopback.json().error.code]).toEqual([400, 'url_refused']);
    expect(await dbValue(refusing, 'SELECT COUNT(*) FROM webhooks')).toBe(0);
    const standard = await adminCall(await closeLoopApp({ allowPrivateWebhooks: true }), 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['loop.opened'] });
    expect(standard.json().format).toBe('standard');
  });
});

describe('chat message text', () => {
  it.each([
    [59 * 60_000, '59 min'], [3 * 3_600_000 + 20 * 60_000, '3 h 20 min'], [50 * 3_600_000, '2 d 2 h'], [-5, '0 min'],
  ])('says %i ms late as "%s"', (ms, text) => expect(lateness(ms)).toBe(text));

  it('makes links, mentions and markup in answers inert', () => {
    expect(chatSafe('<https://evil.example|your bank> @all a&b')).toBe('&lt;https://evil.example|your bank&gt; @\u200ball a&amp;b');
  });

  it('leaves the dashboard link out without a public URL, and shortens long comments', () => {
    const body = JSON.stringify({
      type: 'response.created', timestamp: '2026-03-02T09:00:00.000Z',
      data: { response: { id: 'r1', surveyId: 'demo', score: 9, touchpoint: null, comment: 'x'.repeat(800) } },
    });
    const { text } = chatMessage(body, undefined);
    expect(text.split('\n')).toEqual(['New answer in demo: 9/10', `“${'x'.repeat(499)}…”`]);
  });
});
