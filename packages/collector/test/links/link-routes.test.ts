import { describe, expect, it } from 'vitest';
import { asAdmin, createSurvey, post, rows, testApp } from '../helpers.ts';
import { dbRows } from '../support/db-rows.ts';

const NAVIGATION = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none' };
const form = (fields: Record<string, string>) => ({
  method: 'POST' as const, url: '/s/demo', headers: { 'content-type': 'application/x-www-form-urlencoded', 'sec-fetch-site': 'same-origin' },
  payload: new URLSearchParams(fields).toString(),
});

/** An app on a fake clock with the demo survey, and personal links for two people. */
async function appWithLinks(body: Record<string, unknown> = {}) {
  const clock = { now: Date.UTC(2026, 2, 2, 9) };
  const app = await testApp({ now: () => clock.now, publicUrl: 'https://nps.acme.example' });
  await createSurvey(app, { followUp: { detractor: 'What went wrong?' } });
  const response = await post(app, '/v1/surveys/demo/links', {
    recipients: [{ email: 'ann@example.com', userId: 'u-1', traits: { plan: 'pro', seats: 12 } }, { userId: 'u-2' }],
    touchpoint: 'onboarding', channel: 'email', ...body,
  }, asAdmin);
  expect(response.statusCode, response.body).toBe(201);
  const links = response.json().links as { email: string | null; userId: string | null; url: string; expiresAt: string }[];
  /** Follows a link as a person does: path and query only, the way a browser asks the collector. */
  const open = (url: string) => { const { pathname, search } = new URL(url); return app.inject({ url: pathname + search, headers: NAVIGATION }); };
  return { app, clock, links, open };
}

describe('POST /v1/surveys/:id/links', () => {
  it('answers an absolute URL with a short signed token per recipient', async () => {
    const { links, clock } = await appWithLinks();
    expect(links).toEqual([
      { email: 'ann@example.com', userId: 'u-1', url: expect.stringMatching(/^https:\/\/nps\.acme\.example\/s\/demo\?t=[A-Za-z0-9_-]{31}$/), expiresAt: new Date(clock.now + 30 * 86_400_000).toISOString() },
      { email: null, userId: 'u-2', url: expect.stringMatching(/\?t=[A-Za-z0-9_-]{31}$/), expiresAt: expect.any(String) },
    ]);
    expect(links[0].url.length).toBeLessThan(70);
  });

  it('refuses bad input naming the field, an unknown survey and a read key, and stores nothing', async () => {
    const app = await testApp();
    await createSurvey(app);
    const readKey = (await post(app, '/v1/keys', { scope: 'read' }, asAdmin)).json().secret;
    const cases: [string, unknown, number, string][] = [
      ['/v1/surveys/demo/links', { recipients: [] }, 400, 'recipients: must name at least one recipient'],
      ['/v1/surveys/demo/links', { recipients: [{ traits: { plan: 'pro' } }] }, 400, 'recipients.0: needs an email or a userId'],
      ['/v1/surveys/demo/links', { recipients: [{ email: 'not-an-email' }] }, 400, 'recipients.0.email: must be an email address'],
      ['/v1/surveys/demo/links', { recipients: [{ email: 'a@b.example' }], expiresInDays: 0 }, 400, 'expiresInDays: must be a whole number of days from 1 to 365'],
      ['/v1/surveys/nope/links', { recipients: [{ email: 'a@b.example' }] }, 404, 'surveyId: no survey with id "nope"'],
    ];
    for (const [url, body, status, message] of cases) {
      const response = await post(app, url, body, asAdmin);
      expect(response.statusCode, message).toBe(status);
      expect(response.json().error.message).toContain(message);
    }
    const forbidden = await post(app, '/v1/surveys/demo/links', { recipients: [{ email: 'a@b.example' }] }, { authorization: `Bearer ${readKey}` });
    expect(forbidden.statusCode).toBe(403);
    expect(await dbRows(app, 'SELECT * FROM survey_links')).toEqual([]);
  });
});

describe('the hosted page with a personal link', () => {
  it('records the score for the recipient, asks why and consent, and a second click updates the same answer', async () => {
    const { app, links, open } = await appWithLinks();
    const question = await open(links[0].url);
    expect(question.statusCode).toBe(200);
    expect(question.body).toMatch(/<input type="hidden" name="t" value="[A-Za-z0-9_-]{31}">/);
    expect(question.body).toContain('<input type="radio" name="score" value="0" required');
    expect(await rows(app, 'responses')).toEqual([]);

    const scored = await open(`${links[0].url}&score=3`);
    expect(scored.statusCode).toBe(200);
    expect(scored.body).toContain('<label for="comment">What went wrong?</label>');
    expect(scored.body).toContain('<label for="consent">May we contact you about your answer?</label>');
    const [row] = await rows(app, 'responses');
    expect(row).toMatchObject({ survey_id: 'demo', score: 3, email: 'ann@example.com', user_id: 'u-1', touchpoint: 'onboarding', channel: 'email', properties: '{"plan":"pro","seats":12}' });
    // A detractor who came by a personal link can be called back: the loop is open for them.
    expect(await dbRows(app, 'SELECT response_id, state FROM loops')).toEqual([{ response_id: row.id, state: 'open' }]);

    const token = new URL(links[0].url).searchParams.get('t')!;
    const thanks = await app.inject(form({ id: String(row.id), score: '3', locale: 'en', t: token, comment: 'Setup took a week', consent: 'yes' }));
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('Thank you for your feedback!');

    expect((await open(`${links[0].url}&score=6`)).statusCode).toBe(200);
    expect(await rows(app, 'responses')).toMatchObject([{ id: row.id, score: 6, comment: 'Setup took a week', consent: 1, email: 'ann@example.com' }]);
  });

  it('keeps the first answer once the score lock has passed, and says so', async () => {
    const { app, clock, links, open } = await appWithLinks();
    await open(`${links[1].url}&score=9`);
    clock.now += 31 * 60_000;
    const late = await open(`${links[1].url}&score=2`);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain('<h1>Your answer is already recorded</h1>');
    expect(await rows(app, 'responses')).toMatchObject([{ score: 9, user_id: 'u-2' }]);
  });

  it('shows a clear page for a changed, cut, foreign, expired or retired link, and stores nothing', async () => {
    const { app, clock, links, open } = await appWithLinks({ expiresInDays: 1 });
    await createSurvey(app, { id: 'other' });
    const token = new URL(links[0].url).searchParams.get('t')!;
    const changed = token.slice(0, 10) + (token[10] === 'x' ? 'y' : 'x') + token.slice(11);
    const cases: [string, number, string][] = [
      [`/s/demo?t=${changed}&score=9`, 403, 'This survey link is not valid'],
      [`/s/demo?t=${token.slice(0, 20)}&score=9`, 403, 'This survey link is not valid'],
      [`/s/other?t=${token}&score=9`, 403, 'This survey link is not valid'],
      [`/s/demo?t=${changed}`, 403, 'This survey link is not valid'],
    ];
    for (const [url, status, title] of cases) {
      const page = await app.inject({ url, headers: NAVIGATION });
      expect(page.statusCode, url).toBe(status);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toContain(`<h1>${title}</h1>`);
      expect(page.body).toContain('Nothing was recorded.');
    }
    const forged = await app.inject(form({ id: 'r_forged_0001', score: '0', t: changed, comment: 'forged' }));
    expect(forged.statusCode).toBe(403);

    clock.now += 86_400_000 + 60_000;
    const expired = await open(`${links[0].url}&score=9`);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('<h1>This survey link has expired</h1>');
    expect(await rows(app, 'responses')).toEqual([]);
  });

  it('stops every older link when the secret is rotated with --retire-old, and keeps them working without it', async () => {
    const { app, links, open } = await appWithLinks();
    await app.db.write((tx) => tx.links.rotate({ retireOthers: false }, Date.now()));
    expect((await open(`${links[0].url}&score=8`)).statusCode).toBe(200);
    await app.db.write((tx) => tx.links.rotate({ retireOthers: true }, Date.now()));
    const retired = await open(`${links[1].url}&score=8`);
    expect(retired.statusCode).toBe(410);
    expect(retired.body).toContain('<h1>This survey link is no longer valid</h1>');
    const fresh = (await post(app, '/v1/surveys/demo/links', { recipients: [{ userId: 'u-3' }] }, asAdmin)).json().links[0].url;
    expect((await open(`${fresh}&score=7`)).statusCode).toBe(200);
    expect((await rows(app, 'responses')).map((row) => row.user_id)).toEqual(['u-1', 'u-3']);
  });

  it('erasing a respondent deletes the links made for them', async () => {
    const { app, links, open } = await appWithLinks();
    await open(`${links[0].url}&score=5`);
    const erased = await app.inject({ method: 'DELETE', url: '/v1/respondents?email=ANN@example.com', headers: asAdmin });
    expect(erased.statusCode).toBe(200);
    expect(await dbRows(app, 'SELECT email, user_id FROM survey_links')).toEqual([{ email: null, user_id: 'u-2' }]);
    expect((await open(`${links[0].url}&score=5`)).statusCode).toBe(410);
  });
});

describe('GET /v1/surveys/:id/links', () => {
  it('lists the links newest first with their URL to copy, whether answered, and no URL once expired', async () => {
    const { app, clock, links, open } = await appWithLinks();
    clock.now += 86_400_000;
    await post(app, '/v1/surveys/demo/links', { recipients: [{ email: 'cleo@example.com' }], expiresInDays: 1 }, asAdmin);
    expect((await open(`${links[0].url}&score=8`)).statusCode).toBe(200);
    const listed = (await app.inject({ url: '/v1/surveys/demo/links', headers: asAdmin })).json().links;
    const people = listed.map((link: { email: string | null; userId: string | null; answered: boolean }) => [link.email ?? link.userId, link.answered]);
    // Newest first; the two links made in one request share their creation time.
    expect(people[0]).toEqual(['cleo@example.com', false]);
    expect(people.slice(1)).toEqual(expect.arrayContaining([['ann@example.com', true], ['u-2', false]]));
    const ann = listed.find((link: { email: string | null }) => link.email === 'ann@example.com');
    expect(ann).toMatchObject({ touchpoint: 'onboarding', channel: 'email', url: links[0].url, expiresAt: links[0].expiresAt });
    clock.now += 2 * 86_400_000;
    const later = (await app.inject({ url: '/v1/surveys/demo/links?limit=1', headers: asAdmin })).json().links;
    expect(later).toEqual([expect.objectContaining({ email: 'cleo@example.com', url: null })]);
    expect((await app.inject({ url: '/v1/surveys/nope/links', headers: asAdmin })).statusCode).toBe(404);
    const bad = await app.inject({ url: '/v1/surveys/demo/links?limit=0', headers: asAdmin });
    expect([bad.statusCode, bad.json().error.message]).toEqual([400, expect.stringContaining('limit')]);
  });
});
