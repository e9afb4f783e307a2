/** The scheduled huddle digest: set on a webhook, queued by the running worker when the injected clock reaches the slot, posted to a real receiver. */
import { describe, expect, it, vi } from 'vitest';
import { asAdmin, createSurvey, testApp } from '../helpers.ts';
import { fakeClock } from '../loops/close-loop-app.ts';
import { dbRows } from '../support/db-rows.ts';
import { startReceiver } from './receiver.ts';

const PUBLIC_URL = 'https://nps.acme.example';
const AMSTERDAM_MONDAY_9 = { weekday: 'monday', time: '09:00', timeZone: 'Europe/Amsterdam' };

/** A collector whose webhook worker runs (polling every 10 ms) on a clock the test moves. */
async function digestApp() {
  const clock = fakeClock('2026-02-23T10:00:00Z');
  const app = await testApp({ now: clock.now, allowPrivateWebhooks: true, publicUrl: PUBLIC_URL, webhookPollMs: 10, digestCheckMs: 10 });
  await createSurvey(app, { name: 'Acme web shop' });
  const answer = (id: string, score: number, iso: string, comment?: string) =>
    app.db.ingestResponse({ id, surveyId: 'demo', score, comment, respondent: { email: `${id}@example.com` } }, Date.parse(iso));
  // The week before (23 Feb to 1 Mar): mostly detractors. The digest's week (2 to 8 Mar): mostly promoters; one comment
  // says "zebra-striped", too rare for a theme, so no digest may carry it.
  for (let index = 0; index < 12; index++) await answer(`resp_before_${String(index).padStart(4, '0')}`, index < 8 ? 2 : 9, '2026-02-25T12:00:00Z', index < 8 ? 'Slow delivery again' : undefined);
  for (let index = 0; index < 12; index++) await answer(`resp_during_${String(index).padStart(4, '0')}`, index < 10 ? 10 : 1, '2026-03-04T12:00:00Z', ['Slow delivery, zebra-striped box crushed', 'Slow delivery again'][index - 10] ?? 'Friendly support team');
  return Object.assign(app, { clock });
}

const call = (app: Awaited<ReturnType<typeof digestApp>>, method: 'POST' | 'PATCH' | 'GET', url: string, payload?: object) =>
  app.inject({ method, url, headers: asAdmin, ...(payload ? { payload } : {}) });

describe('scheduled huddle digest (huddle.digest)', () => {
  it('posts the week\'s NPS, its significant change, top themes and open loops to a chat webhook when the clock reaches the slot', async () => {
    const app = await digestApp();
    const receiver = await startReceiver();
    app.clock.set('2026-03-02T09:00:00Z');
    const created = await call(app, 'POST', '/v1/webhooks', { url: receiver.url, events: ['huddle.digest'], format: 'slack', surveyId: 'demo', digest: AMSTERDAM_MONDAY_9 });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ digest: { ...AMSTERDAM_MONDAY_9, days: 7 }, nextDigestAt: '2026-03-09T08:00:00.000Z' });

    app.clock.set('2026-03-09T08:00:00Z');
    await vi.waitFor(() => expect(receiver.received).toHaveLength(1), { timeout: 10_000, interval: 10 });
    const message = JSON.parse(receiver.received[0].body);
    expect(Object.keys(message)).toEqual(['text']);
    const lines = message.text.split('\n');
    expect(lines[0]).toBe('*NPS huddle digest: Acme web shop*, last 7 days to 2026-03-08 (Europe/Amsterdam)');
    expect(lines[1]).toMatch(/^NPS \+66\.7 \(n = 12, 95% interval \+13\.6 to \+93\.0\); the 7 days before: −33\.3 \(n = 12\)\.$/);
    expect(lines[2]).toMatch(/^Change \+100\.0 points: \*significant\* \(p = 0\.010\), up\.$/);
    expect(lines[3]).toBe('Detractors talk about: slow delivery (2).');
    expect(lines[4]).toBe('Promoters talk about: friendly support team (10).');
    expect(lines[5]).toBe('Loops: 10 open, 10 overdue (SLA 48 h).');
    expect(lines[6]).toBe('Open the huddle: https://nps.acme.example/dashboard/#/demo/huddle');
    expect(receiver.received[0].headers['webhook-signature']).toMatch(/^v1,/);

    const webhookId = created.json().id;
    await vi.waitFor(async () => expect((await call(app, 'GET', `/v1/webhooks/${webhookId}/deliveries`)).json().deliveries)
      .toMatchObject([{ type: 'huddle.digest', state: 'succeeded', attempts: 1, lastStatus: 200 }]), { timeout: 10_000, interval: 10 });
    expect((await call(app, 'GET', `/v1/webhooks/${webhookId}`)).json().nextDigestAt).toBe('2026-03-16T08:00:00.000Z');
  });

  it('sends a Standard Webhooks body per active survey to a webhook for all surveys, with no comment or contact in it', async () => {
    const app = await digestApp();
    await createSurvey(app, { id: 'app', name: 'Mobile app' });
    const receiver = await startReceiver();
    app.clock.set('2026-03-02T09:00:00Z');
    const created = await call(app, 'POST', '/v1/webhooks', { url: receiver.url, events: ['huddle.digest'] });
    expect(created.json()).toMatchObject({ format: 'standard', digest: { weekday: 'monday', time: '09:00', timeZone: 'UTC', days: 7 }, nextDigestAt: '2026-03-09T09:00:00.000Z' });

    app.clock.set('2026-03-09T09:00:30Z');
    await vi.waitFor(() => expect(receiver.received).toHaveLength(2), { timeout: 10_000, interval: 10 });
    const bodies = receiver.received.map((request) => JSON.parse(request.body)).sort((a, b) => a.data.surveyId.localeCompare(b.data.surveyId));
    expect(bodies.map((body) => [body.type, body.data.surveyId, body.data.figure.n])).toEqual([['huddle.digest', 'app', 0], ['huddle.digest', 'demo', 12]]);
    expect(bodies[1].data).toMatchObject({ period: { from: '2026-03-02T00:00:00+00:00', to: '2026-03-09T00:00:00+00:00' }, change: { significant: true } });
    const stored = await dbRows(app, "SELECT payload FROM webhook_deliveries WHERE type = 'huddle.digest'");
    for (const text of [...receiver.received.map((request) => request.body), ...stored.map((row) => String(row.payload))]) {
      expect(text).not.toMatch(/zebra-striped|@example\.com|resp_during/);
    }
  });

  it('refuses a bad schedule naming the field, and drops the schedule with the event', async () => {
    const app = await digestApp();
    const cases: Array<[object, string]> = [
      [{ events: ['huddle.digest'], digest: { weekday: 'mon' } }, 'digest.weekday: must be one of monday'],
      [{ events: ['huddle.digest'], digest: { time: '25:00' } }, 'digest.time: must be a local time HH:MM'],
      [{ events: ['huddle.digest'], digest: { timeZone: 'Mars/Olympus' } }, 'digest.timeZone: must be an IANA time zone'],
      [{ events: ['loop.opened'], digest: { weekday: 'friday' } }, 'digest: only a webhook subscribed to huddle.digest'],
    ];
    for (const [body, message] of cases) {
      const refused = await call(app, 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', ...body });
      expect(refused.statusCode, JSON.stringify(body)).toBe(400);
      expect(refused.json().error.message).toContain(message);
    }
    expect(await dbRows(app, 'SELECT id FROM webhooks')).toEqual([]);

    const created = (await call(app, 'POST', '/v1/webhooks', { url: 'http://127.0.0.1:9/hook', events: ['huddle.digest', 'loop.opened'], digest: { weekday: 'friday', time: '16:30' } })).json();
    const moved = await call(app, 'PATCH', `/v1/webhooks/${created.id}`, { digest: { weekday: 'friday', time: '17:00', timeZone: 'Europe/Amsterdam' } });
    expect(moved.json()).toMatchObject({ digest: { weekday: 'friday', time: '17:00', timeZone: 'Europe/Amsterdam' }, nextDigestAt: '2026-02-27T16:00:00.000Z' });
    const dropped = await call(app, 'PATCH', `/v1/webhooks/${created.id}`, { events: ['loop.opened'] });
    expect(dropped.json()).toMatchObject({ events: ['loop.opened'], digest: null, nextDigestAt: null });
  });
});
