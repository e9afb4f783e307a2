import { describe, expect, it } from 'vitest';
import { createSurvey, rows, testApp } from '../helpers.ts';

const form = (fields: Record<string, string>) => ({ 'content-type': 'application/x-www-form-urlencoded', payload: new URLSearchParams(fields).toString() });

describe('hosted survey page /s/:surveyId', () => {
  it('shows eleven score links and the question, without recording anything', async () => {
    const app = await testApp();
    await createSurvey(app);
    const page = await app.inject({ url: '/s/demo?touchpoint=email-receipt' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.body).toContain('<html lang="en">');
    expect(page.body).toContain('How likely are you to recommend Acme to a friend or colleague?');
    expect(page.body).not.toContain('<script');
    for (let score = 0; score <= 10; score += 1) expect(page.body).toContain(`href="/s/demo?touchpoint=email-receipt&#38;score=${score}"`);
    expect(rows(app, 'responses')).toEqual([]);
  });

  it('records ?score=N as a link response, then the why form updates the same response', async () => {
    const app = await testApp();
    await createSurvey(app, { followUp: { detractor: 'What disappointed you?' } });
    const scored = await app.inject({ url: '/s/demo?score=4&touchpoint=email-receipt' });
    expect(scored.statusCode).toBe(200);
    expect(scored.body).toContain('<label for="comment">What disappointed you?</label>');
    const [row] = rows(app, 'responses');
    expect(row).toMatchObject({ survey_id: 'demo', score: 4, channel: 'link', touchpoint: 'email-receipt', comment: null });
    expect(scored.body).toContain(`name="id" value="${row.id}"`);

    const thanks = await app.inject({ method: 'POST', url: '/s/demo', headers: { 'content-type': 'application/x-www-form-urlencoded' }, ...form({ id: String(row.id), score: '4', locale: 'en', comment: 'Late & <broken>' }) });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain('Thank you for your feedback!');
    expect(rows(app, 'responses')).toMatchObject([{ id: row.id, score: 4, comment: 'Late & <broken>' }]);
  });

  it('records a repeated click once when the link carries its own response id', async () => {
    const app = await testApp();
    await createSurvey(app);
    for (let i = 0; i < 2; i += 1) expect((await app.inject({ url: '/s/demo?score=9&rid=mail_0001' })).statusCode).toBe(200);
    expect(rows(app, 'responses')).toMatchObject([{ id: 'mail_0001', score: 9 }]);
  });

  it('speaks the visitor language and escapes survey text', async () => {
    const app = await testApp();
    await createSurvey(app, { brand: '<b>Acme</b>', wording: { nl: { high: 'Zeker weten' } } });
    const page = await app.inject({ url: '/s/demo', headers: { 'accept-language': 'nl-BE,nl;q=0.9,en;q=0.5' } });
    expect(page.body).toContain('<html lang="nl">');
    expect(page.body).toContain('Hoe waarschijnlijk is het dat je &#60;b&#62;Acme&#60;/b&#62; aanbeveelt');
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
    expect(rows(app, 'responses')).toEqual([]);
  });
});
