import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSmtpReceiver } from '../../../collector/test/invitations/smtp-receiver.ts';
import { freshBrowser, openPage, type TestCollector } from '../support/app.ts';
import { testCollector } from '../support/collector.ts';
import { choose, click, DICTIONARIES, field, type, waitFor, type mount } from '../support/render.ts';

const en = DICTIONARIES.en;
const words = en.invite;
let collector: TestCollector;
let view: ReturnType<typeof mount> | null = null;

beforeEach(() => freshBrowser());
afterEach(async () => {
  view?.unmount();
  view = null;
  await collector.close();
});

/** Ticks a checkbox or radio and fires `change`, as a click does in a browser. */
const check = (input: HTMLInputElement) => act(() => { input.checked = true; input.dispatchEvent(new Event('change', { bubbles: true })); });
const status = () => view!.container.querySelector('[data-testid=invite-status]')?.textContent;
const submit = (form: Element) => form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
interface Listed { email: string | null; userId: string | null; url: string | null; touchpoint: string | null }

describe('invite: personal links', { timeout: 60_000 }, () => {
  it('makes links for people one per line, lists them, and copies a person\'s link', async () => {
    collector = await testCollector({ publicUrl: 'https://nps.acme.example' });
    view = await openPage(collector, '#/demo/invite');
    expect(view.container.textContent).toContain(words.links.none);
    const form = view.container.querySelector('form.link-form')!;
    type(field<HTMLTextAreaElement>(form, words.links.people), 'ann@example.com\n\n  u-2  \n');
    type(field(form, words.links.touchpoint), 'onboarding');
    click(form, words.links.submit);
    await waitFor(() => status() === '2 links made.', view.container);
    const rows = await waitFor(() => { const found = view!.container.querySelectorAll('table.links tbody tr'); return found.length === 2 && found; }, view.container);
    const listed = (await collector.admin<{ links: Listed[] }>('GET', '/v1/surveys/demo/links')).links;
    expect(listed.map((link) => [link.email ?? link.userId, link.touchpoint])).toEqual(expect.arrayContaining([['ann@example.com', 'onboarding'], ['u-2', 'onboarding']]));
    const texts = [...rows].map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(texts).toContainEqual(['ann@example.com', 'onboarding', expect.stringMatching(/\d/), 'not yet', words.links.copy]);

    const copy = view.container.querySelector<HTMLButtonElement>(`button[aria-label="${words.links.copyLabel('ann@example.com')}"]`)!;
    copy.click();
    await waitFor(() => view!.container.querySelector('[data-testid=links-status]')?.textContent === 'Link of ann@example.com copied.', view.container);
    expect(await navigator.clipboard.readText()).toBe(listed.find((link) => link.email === 'ann@example.com')!.url);
    expect(await navigator.clipboard.readText()).toMatch(/^https:\/\/nps\.acme\.example\/s\/demo\?t=[A-Za-z0-9_-]{31}$/);
  });

  it('shows the collector\'s refusal naming the field, and makes nothing', async () => {
    collector = await testCollector();
    view = await openPage(collector, '#/demo/invite');
    const form = view.container.querySelector('form.link-form')!;
    type(field<HTMLTextAreaElement>(form, words.links.people), 'ann@example.com');
    type(field(form, words.links.days), '0');
    submit(form);
    const alert = await waitFor(() => form.querySelector('[role=alert]'), view.container);
    expect(alert.textContent).toContain('expiresInDays');
    expect((await collector.admin<{ links: Listed[] }>('GET', '/v1/surveys/demo/links')).links).toEqual([]);
  });

  it('tells a read key that inviting needs an admin key', async () => {
    collector = await testCollector();
    view = await openPage(collector, '#/demo/invite', { key: collector.readKey });
    expect(view.container.querySelector('.notice')!.textContent).toBe(words.readOnly);
    expect(view.container.querySelector('form')).toBeNull();
  });
});

describe('invite: email invitations', { timeout: 60_000 }, () => {
  it('starts a run, follows its progress to the end, and shows its send log', async () => {
    const smtp = await startSmtpReceiver();
    collector = await testCollector({ publicUrl: 'https://nps.acme.example', mail: { smtpUrl: smtp.url, from: 'Acme <nps@acme.example>', ratePerMinute: 6000 } });
    view = await openPage(collector, '#/demo/invite');
    const form = view.container.querySelector('form.invitation-form')!;
    type(field<HTMLTextAreaElement>(form, words.invitations.people), 'ann@example.com\nbob@example.com');
    click(form, words.invitations.submit);
    await waitFor(() => status() === words.invitations.started, view.container);
    const progress = await waitFor(() => {
      const line = view!.container.querySelector('[data-testid=run-progress]')?.textContent;
      return line === '2 of 2 done: 2 sent, 0 skipped, 0 failed.' && line;
    }, view.container);
    expect(progress).toBeTruthy();
    expect(smtp.received.map((message) => message.to).sort()).toEqual(['ann@example.com', 'bob@example.com']);
    const bar = view.container.querySelector('progress')!;
    expect([bar.getAttribute('max'), bar.getAttribute('value')]).toEqual(['2', '2']);
    await waitFor(() => view!.container.querySelector('.invitation-runs h3')?.textContent?.includes(words.invitations.runState.done), view.container);

    click(view.container, words.invitations.showLog);
    const log = await waitFor(() => { const rows = view!.container.querySelectorAll('table.send-log tbody tr'); return rows.length === 2 && rows; }, view.container);
    expect([...log].map((row) => [...row.querySelectorAll('th, td')].slice(0, 2).map((cell) => cell.textContent))).toEqual([['ann@example.com', 'sent'], ['bob@example.com', 'sent']]);
  });

  it('says so when the collector sends no email, and starts nothing', async () => {
    collector = await testCollector();
    view = await openPage(collector, '#/demo/invite');
    const form = view.container.querySelector('form.invitation-form')!;
    type(field<HTMLTextAreaElement>(form, words.invitations.people), 'ann@example.com');
    click(form, words.invitations.submit);
    const alert = await waitFor(() => form.querySelector('[role=alert]'), view.container);
    expect(alert.textContent).toContain('--smtp');
    expect((await collector.admin<{ runs: unknown[] }>('GET', '/v1/surveys/demo/invitations')).runs).toEqual([]);
  });
});

describe('settings: chat alerts on the webhook form', { timeout: 60_000 }, () => {
  it('creates a chat-format webhook that gets the huddle digest on the chosen day, time and zone, and its card shows both', async () => {
    collector = await testCollector();
    view = await openPage(collector, '#/demo/settings/webhooks');
    const form = view.container.querySelector('form.webhook-form')!;
    type(field(form, en.webhooks.url), 'http://127.0.0.1:9999/chat');
    const digestBox = [...form.querySelectorAll('label.check')].find((label) => label.textContent === en.webhooks.event['huddle.digest'])!.querySelector('input')!;
    check(digestBox);
    await waitFor(() => form.querySelector('[id$="chat-weekday"]'), view.container);
    check(field(form, en.chatAlerts.formats.slack));
    choose(field<HTMLSelectElement>(form, en.chatAlerts.weekday), 'friday');
    type(field(form, en.chatAlerts.time), '16:30');
    type(field(form, en.chatAlerts.timeZone), 'Europe/Amsterdam');
    click(form, en.webhooks.submit);
    await waitFor(() => view!.container.querySelector('[data-testid=secret]'), form);
    const [created] = (await collector.admin<{ webhooks: Array<Record<string, unknown>> }>('GET', '/v1/webhooks')).webhooks;
    expect(created).toMatchObject({
      url: 'http://127.0.0.1:9999/chat', format: 'slack', events: ['loop.opened', 'huddle.digest'],
      digest: { weekday: 'friday', time: '16:30', timeZone: 'Europe/Amsterdam', days: 7 }, nextDigestAt: expect.any(String),
    });
    // Its card in the list says how it posts and when the next digest goes.
    const card = await waitFor(() => view!.container.querySelector(`li.webhook[data-webhook-id="${String(created.id)}"]`), view.container);
    expect(card.textContent).toContain(en.chatAlerts.formats.slack);
    expect(card.textContent).toContain('Friday 16:30 (Europe/Amsterdam), days covered: 7');
    expect(card.querySelector('[data-testid=next-digest]')!.textContent).toMatch(/^Next digest: .*\d/);
  });
});
