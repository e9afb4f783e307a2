import { describe, expect, it } from 'vitest';
import { createSurvey, rows, testApp } from '../helpers.ts';

const form = (fields: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded', payload: new URLSearchParams(fields).toString() });

describe('hosted survey page /s/:surveyId', () => {
  it('shows the question with eleven score radios in a form that carries the link\'s fields, without recording anything', async () => {
    const app = await testApp();
    await createSurvey(app);
    const page = await app.inject({ url: '/s/demo?touchpoint=email-receipt' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('How likely are you to recommend Acme to a friend or colleague?');
    expect(page.body).not.toContain('<script');
    expect(page.body).toContain('<form method="get" action="/s/demo"><input type="hidden" name="touchpoint" value="email-receipt">');
    expect(page.body.match(/<input type="radio" name="score" value="\d+" required/g)).toHaveLength(11);
    for (let score = 0; score <= 10; score += 1) expect(page.body).toContain(`name="score" value="${score}"`);
    expect(await rows(app, 'responses')).toEqual([]);
  });

  it('records ?score=N as a link response, then the why form updates the same response', async () => {
    const app = await testApp();
    await createSurvey(app, { followUp: { detractor: 'What disappointed you?' } });
    const scored = await app.inject({ url: '/s/demo?score=4&touchpoint=email-receipt' });
    expect(scored.statusCode).toBe(200);
    expect(scored.body).toContain('<label for="comment">What disappointed you?</label>');
    const [row] = await rows(app, 'responses');
    expect(row).toMatchObject({ survey_id: 'demo', score: 4, channel: 'link', touchpoint: 'email-receipt', comment: null });
    expect(scored.body).toContain(`name="id" value="${row.id}"`);

    const thanks = await app.inject({ method: 'POST', url: '/s/demo', headers: { 'content-type': 'application/x-www-form-urlencoded' }, ...form({ id: String(row.id), score: '4', locale: 'en', comment: 'Late & <broken>' }) });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('Thank you for your feedback!');
    expect(await rows(app, 'responses')).toMatchObject([{ id: row.id, score: 4, comment: 'Late & <broken>' }]);
  });

  it('records a repeated click once when the link carries its own response id', async () => {
    const app = await testApp();
    await createSurvey(app);
    for (let i = 0; i < 2; i += 1) expect((await app.inject({ url: '/s/demo?score=9&rid=mail_0001' })).statusCode).toBe(200);
    expect(await rows(app, 'responses')).toMatchObject([{ id: 'mail_0001', score: 9 }]);
  });

  it('speaks the visitor language and escapes survey text', async () => {
    const app = await testApp();
    await createSurvey(app, { brand: '<b>Acme</b>', wording: { nl: { high: 'Zeker weten' } } });
    const page = await app.inject({ url: '/s/demo', headers: { 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' } });
    expect(page.body).toContain('<html lang="nl">');
    expect(page.body).toContain('Hoe waarschijnlijk is het dat je &#60;b&#62;Acme&#60;/b&#62; zou aanbevelen');
    expect(page.body).toContain('10 = Zeker weten');
    expect(page.body).not.toContain('<b>Acme');
    const german = await app.inject({ url: '/s/demo?score=10&locale=de' });
    expect(german.body).toContain('<html lang="de">');
    expect(german.body).toContain('Was ist der wichtigste Grund für Ihre Bewertung?');
  });

  it('shows HTML error pages: 400 bad score, 404 unknown survey, 403 paused', async () => {
    const app = await testApp();
    await createSurvey(app, { id: 'paused', active: false });
    const cases: [string, number][] = [['/s/paused?score=11', 400], ['/s/nope', 404], ['/s/paused', 403]];
    for (const [url, status] of cases) {
      const response = await app.inject({ url });
      expect(response.statusCode, url).toBe(status);
      expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(response.body).toContain(`<h1>Error ${status}</h1>`);
    }
    expect(await rows(app, 'responses')).toEqual([]);
  });
});

/** POSTs the why form with the given request headers. */
const postForm = (app: Awaited<ReturnType<typeof testApp>>, fields: Record<string, string>, headers: Record<string, string>) =>
  app.inject({ method: 'POST', url: '/s/demo', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, payload: new URLSearchParams(fields).toString() });

/** Fetch Metadata a browser sends for each kind of request. */
const NAVIGATION = { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'cross-site', 'sec-fetch-user': '?1' };

describe('hosted survey page: no other site can record or change answers', () => {
  it.each([
    ['an <img>', { 'sec-fetch-dest': 'image', 'sec-fetch-mode': 'no-cors', 'sec-fetch-site': 'cross-site' }],
    ['an <iframe>', { 'sec-fetch-dest': 'iframe', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'cross-site' }],
    ['a <script>', { 'sec-fetch-dest': 'script', 'sec-fetch-mode': 'no-cors', 'sec-fetch-site': 'cross-site' }],
    ['a fetch()', { 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'cross-site' }],
    ['a same-origin fetch()', { 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'cors', 'sec-fetch-site': 'same-origin' }],
    ['a link prefetch', { ...NAVIGATION, 'sec-purpose': 'prefetch' }],
    ['an old-style prefetch', { purpose: 'prefetch' }],
  ])('a GET with a score from %s records nothing and shows the question', async (_kind, headers) => {
    const app = await testApp();
    await createSurvey(app);
    const response = await app.inject({ url: '/s/demo?score=0&rid=mail_victim01', headers });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('<input type="hidden" name="rid" value="mail_victim01">');
    expect(await rows(app, 'responses')).toEqual([]);
  });

  it('a HEAD request (link checkers) records nothing', async () => {
    const app = await testApp();
    await createSurvey(app);
    expect((await app.inject({ method: 'HEAD', url: '/s/demo?score=0' })).statusCode).toBe(200);
    expect(await rows(app, 'responses')).toEqual([]);
  });

  it.each([
    ['a click in a webmail tab', NAVIGATION],
    ['a mail app opening the browser', { 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate', 'sec-fetch-site': 'none', 'sec-fetch-user': '?1' }],
    ['a client that sends no Fetch Metadata', {}],
  ])('%s records the score', async (_kind, headers) => {
    const app = await testApp();
    await createSurvey(app);
    expect((await app.inject({ url: '/s/demo?score=6&rid=mail_click001', headers })).statusCode).toBe(200);
    expect(await rows(app, 'responses')).toMatchObject([{ id: 'mail_click001', score: 6, channel: 'link' }]);
  });

  it('a GET never changes the comment or consent of an existing answer', async () => {
    const app = await testApp();
    await createSurvey(app);
    await app.db.ingestResponse({ id: 'mail_answer01', surveyId: 'demo', score: 3, comment: 'Slow refund', consent: true, channel: 'email' });
    expect((await app.inject({ url: '/s/demo?score=3&rid=mail_answer01', headers: NAVIGATION })).statusCode).toBe(200);
    expect((await app.inject({ url: '/s/demo?score=4&rid=mail_answer01', headers: NAVIGATION })).statusCode).toBe(200);
    expect(await rows(app, 'responses')).toMatchObject([{ id: 'mail_answer01', score: 4, comment: 'Slow refund', consent: 1 }]);
  });

  it.each([
    ['another site (Sec-Fetch-Site: cross-site)', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
    ['a sibling site (Sec-Fetch-Site: same-site)', { 'sec-fetch-site': 'same-site', origin: 'http://other.localhost:80' }],
    ['another origin, from a browser without Sec-Fetch-Site', { origin: 'https://evil.example' }],
    ['an opaque origin (Origin: null)', { origin: 'null' }],
    ['a same-origin claim that loses to Sec-Fetch-Site', { 'sec-fetch-site': 'cross-site', origin: 'http://localhost:80' }],
  ])('a form POST from %s is refused with 403 and changes nothing', async (_kind, headers) => {
    const app = await testApp();
    await createSurvey(app);
    await app.db.ingestResponse({ id: 'mail_known001', surveyId: 'demo', score: 9, comment: 'Great service', channel: 'link' });
    const response = await postForm(app, { id: 'mail_known001', score: '9', comment: 'Rewritten by someone else' }, { host: 'localhost:80', ...headers });
    expect(response.statusCode).toBe(403);
    expect(response.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(response.body).toContain('only from its own page');
    const forged = await postForm(app, { id: 'mail_forged01', score: '0', comment: 'Forged' }, { host: 'localhost:80', ...headers });
    expect(forged.statusCode).toBe(403);
    expect(await rows(app, 'responses')).toMatchObject([{ id: 'mail_known001', comment: 'Great service' }]);
  });

  it.each([
    ['Sec-Fetch-Site: same-origin (and Origin: null)', { 'sec-fetch-site': 'same-origin', origin: 'null' }],
    ['an Origin naming this host', { origin: 'http://collector.example:8787' }],
    ['an https Origin behind a TLS proxy', { origin: 'https://collector.example:8787' }],
    ['no Origin at all (not a browser)', {}],
  ])('a form POST with %s is accepted', async (_kind, headers) => {
    const app = await testApp();
    await createSurvey(app);
    const response = await postForm(app, { id: 'mail_own0001', score: '5', comment: 'Fine' }, { host: 'collector.example:8787', ...headers });
    expect(response.statusCode).toBe(200);
    expect(await rows(app, 'responses')).toMatchObject([{ id: 'mail_own0001', score: 5, comment: 'Fine' }]);
  });
});
