import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pageTest } from '../support/app.ts';
import { createWebhookDispatcher } from '../../../collector/src/webhooks/webhook-dispatcher.ts';
import { act } from 'preact/test-utils';
import { click, field, type, waitFor } from '../support/render.ts';

const setup = pageTest();

const submit = (form: Element) => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));

describe('settings: webhooks', { timeout: 60_000 }, () => {
  let receiver: Server;
  let url: string;
  // What the endpoint answers next.
  let answerStatus = 200;
  // The test collector runs no delivery worker: the test delivers what is due, as the worker would every second.
  const deliverDue = () => createWebhookDispatcher(setup.collector.app.db, { allowPrivate: true }).runDue();
  beforeEach(async () => {
    answerStatus = 200;
    // A real endpoint on loopback, so the collector's address check passes (the test collector allows private addresses).
    receiver = createServer((_request, response) => {
      response.statusCode = answerStatus;
      response.end('ok');
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hooks/npsloop`;
  });
  afterEach(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

  it('creates a webhook, shows its signing secret once, lists it, and shows its delivery log', async () => {
    await setup.open('#/demo/settings/webhooks');
    expect(setup.view.container.querySelector('nav.sections [aria-current=page]')!.textContent).toBe('Webhooks');
    expect(setup.view.container.textContent).toContain('No webhooks yet.');
    const form = setup.view.container.querySelector('form.webhook-form')!;
    type(field(form, 'Endpoint URL'), url);
    type(field(form, 'Description'), 'Slack bridge');
    click(form, 'Create webhook');
    const secret = await waitFor(() => setup.view.container.querySelector('[data-testid=secret]')?.textContent, setup.view.container);
    expect(secret).toMatch(/^whsec_/);
    const { webhooks } = await setup.collector.admin<{ webhooks: { id: string; url: string; events: string[]; surveyId: string; description: string }[] }>('GET', '/v1/webhooks');
    expect(webhooks).toEqual([expect.objectContaining({ url, events: ['loop.opened'], surveyId: 'demo', description: 'Slack bridge' })]);
    expect(JSON.stringify(webhooks)).not.toContain(secret);
    await waitFor(() => setup.view.container.querySelector(`[data-webhook-id="${webhooks[0].id}"]`), setup.view.container);
    click(setup.view.container, 'I have stored it');
    expect(setup.view.container.querySelector('[data-testid=secret]')).toBeNull();

    await setup.collector.answer('hook-detractor1', 2, 'Broken');
    click(setup.view.container, 'Delivery log');
    const row = await waitFor(() => setup.view.container.querySelector('.delivery-log tbody tr'), setup.view.container);
    expect([...row.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)).toEqual(['loop.opened', 'pending', '0']);
  });

  it('deletes a webhook only after confirming', async () => {
    await setup.collector.admin('POST', '/v1/webhooks', { url, events: ['response.created'] });
    await setup.open('#/demo/settings/webhooks');
    click(setup.view.container, 'Delete');
    expect(document.activeElement?.textContent).toBe('Cancel');
    expect((await setup.collector.admin<{ webhooks: unknown[] }>('GET', '/v1/webhooks')).webhooks).toHaveLength(1);
    click(setup.view.container, 'Yes, delete');
    await waitFor(() => setup.view.container.textContent?.includes('Webhook deleted.') && setup.view.container.textContent.includes('No webhooks yet.'), setup.view.container);
    expect(document.activeElement?.textContent).toBe('Webhooks');
    expect((await setup.collector.admin<{ webhooks: unknown[] }>('GET', '/v1/webhooks')).webhooks).toEqual([]);
  });

  it('changes a webhook’s address, events and description; its secret stays', async () => {
    const created = await setup.collector.admin<{ id: string; secret: string }>('POST', '/v1/webhooks', { url, events: ['response.created'], description: 'CRM' });
    await setup.open('#/demo/settings/webhooks');
    click(setup.view.container, 'Edit');
    const form = await waitFor(() => setup.view.container.querySelector(`form[aria-labelledby="webhook-${created.id}-title"]`), setup.view.container);
    expect(form.querySelector('h4')!.textContent).toBe(`Change the webhook to ${url}`);
    expect(field(form, 'Endpoint URL').value).toBe(url);
    type(field(form, 'Endpoint URL'), `${url}/v2`);
    type(field(form, 'Description'), '');
    act(() => field(form, 'loop.opened: a detractor opens a loop').click());
    click(form, 'Save changes');
    await waitFor(() => setup.view.container.textContent?.includes('Webhook saved.'), setup.view.container);
    expect(document.activeElement?.textContent).toBe('Webhooks');
    await waitFor(() => setup.view.container.querySelector('.webhook h3')?.textContent === `${url}/v2`, setup.view.container);
    expect(setup.view.container.querySelector('.webhook form')).toBeNull();
    const { webhooks } = await setup.collector.admin<{ webhooks: unknown[] }>('GET', '/v1/webhooks');
    expect(webhooks).toEqual([expect.objectContaining({ url: `${url}/v2`, events: ['response.created', 'loop.opened'], surveyId: null, description: null })]);
    const secret = await setup.collector.app.db.webhooks.target(created.id);
    expect(secret?.secret).toBe(created.secret);
  });

  it('sends a test message and follows it in the log until the endpoint has answered; Retry sends a failed one again', async () => {
    await setup.collector.admin('POST', '/v1/webhooks', { url, events: ['loop.opened'] });
    answerStatus = 500;
    await setup.open('#/demo/settings/webhooks');
    click(setup.view.container, 'Send test message');
    const outcome = () => setup.view.container.querySelector('[data-testid=delivery-outcome]')?.textContent;
    await waitFor(() => outcome() === 'Sending…', setup.view.container.querySelector('.webhook')!);
    await deliverDue();
    await waitFor(() => outcome() === 'Not delivered: HTTP 500.', setup.view.container.querySelector('.webhooks')!);
    const row = setup.view.container.querySelector('.delivery-log tbody tr')!;
    expect([...row.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent)).toEqual(['webhook.test', 'failed', '1', '500']);

    answerStatus = 204;
    const retry = row.querySelector('button')!;
    expect(retry.textContent).toBe('Retry');
    expect(retry.getAttribute('aria-label')).toMatch(/^Retry the webhook\.test delivery queued /);
    retry.click();
    await waitFor(() => outcome() === 'Sending…', setup.view.container.querySelector('.webhooks')!);
    await deliverDue();
    await waitFor(() => outcome() === 'Delivered: the endpoint answered 204.', setup.view.container);
    expect([...setup.view.container.querySelectorAll('.delivery-log tbody tr td')].slice(0, 4).map((td) => td.textContent)).toEqual(['webhook.test', 'delivered', '2', '204']);
    expect(setup.view.container.querySelector('.delivery-log tbody button')).toBeNull();
  });

  it('pauses a webhook, so an answer meanwhile queues nothing for it, and resumes it; the focus stays on the button', async () => {
    const created = await setup.collector.admin<{ id: string }>('POST', '/v1/webhooks', { url, events: ['response.created'] });
    await setup.open('#/demo/settings/webhooks');
    const card = () => setup.view.container.querySelector(`[data-webhook-id="${created.id}"]`)!;
    const pause = [...card().querySelectorAll('button')].find((button) => button.textContent === 'Pause')!;
    expect(pause.getAttribute('aria-label')).toBe(`Pause the webhook to ${url}`);
    // As a keyboard user would: the button has the focus, then is pressed.
    act(() => pause.focus());
    click(card(), 'Pause');
    await waitFor(() => setup.view.container.querySelector('[role=status]')?.textContent === 'Webhook paused.' && card().querySelector('h3 .badge')?.textContent === 'paused', setup.view.container);
    expect(card().querySelector('[data-testid=paused-note]')!.textContent).toMatch(/^Paused: events that happen while it is paused are never sent to it/);
    expect(card().querySelector('dl')!.textContent).toContain('Paused since');
    expect(document.activeElement?.textContent).toBe('Resume');
    expect(await setup.collector.admin('GET', `/v1/webhooks/${created.id}`)).toMatchObject({ paused: true, pausedAt: expect.any(String) });

    await setup.collector.answer('paused-answer1', 9);
    expect((await setup.collector.admin<{ deliveries: unknown[] }>('GET', `/v1/webhooks/${created.id}/deliveries`)).deliveries).toEqual([]);

    click(card(), 'Resume');
    await waitFor(() => setup.view.container.querySelector('[role=status]')?.textContent === 'Webhook resumed; deliveries that waited go out now.'
      && card().querySelector('h3 .badge') === null, setup.view.container);
    expect(card().querySelector('[data-testid=paused-note]')).toBeNull();
    expect(await setup.collector.admin('GET', `/v1/webhooks/${created.id}`)).toMatchObject({ paused: false, pausedAt: null });
    await setup.collector.answer('resumed-answer', 9);
    expect((await setup.collector.admin<{ deliveries: unknown[] }>('GET', `/v1/webhooks/${created.id}/deliveries`)).deliveries).toHaveLength(1);
  });

  it('shows the collector’s refusal of a bad address and stores nothing', async () => {
    await setup.open('#/demo/settings/webhooks');
    const form = setup.view.container.querySelector('form.webhook-form')!;
    type(field(form, 'Endpoint URL'), 'ftp://example.com/hook');
    submit(form);
    const alert = await waitFor(() => form.querySelector('[role=alert]'), setup.view.container);
    expect(alert.textContent).toMatch(/url/);
    expect((await setup.collector.admin<{ webhooks: unknown[] }>('GET', '/v1/webhooks')).webhooks).toEqual([]);
  });
});
