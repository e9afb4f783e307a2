import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.ts';
import { importCommand } from '../../src/import/import-command.ts';
import { asAdmin, createSurvey, post, rows, tempDir, testApp } from '../helpers.ts';
import { freshDatabaseLocation } from '../support/test-database.ts';

const patch = (app: Awaited<ReturnType<typeof testApp>>, id: string, payload: Record<string, unknown>) =>
  app.inject({ method: 'PATCH', url: `/v1/surveys/${id}`, headers: asAdmin, payload });
const silent = { out: () => {}, err: () => {} };

describe('a survey measures NPS, CSAT or CES', () => {
  it('defaults to NPS, stores the metric given at creation and returns it on every read', async () => {
    const app = await testApp();
    expect((await createSurvey(app, { id: 'home' })).metric).toBe('nps');
    expect((await createSurvey(app, { id: 'delivery', metric: 'csat' })).metric).toBe('csat');
    expect((await createSurvey(app, { id: 'support', metric: 'ces' })).metric).toBe('ces');
    const list = await app.inject({ url: '/v1/surveys', headers: asAdmin });
    expect(list.json().surveys.map((survey: { id: string; metric: string }) => [survey.id, survey.metric])).toEqual([['home', 'nps'], ['delivery', 'csat'], ['support', 'ces']]);
    expect((await app.inject({ url: '/v1/surveys/support', headers: asAdmin })).json().metric).toBe('ces');
    const publicSettings = await app.inject({ url: '/v1/surveys/delivery/public', headers: { origin: 'https://shop.example' } });
    expect(publicSettings.json().metric).toBe('csat');
    const stored = await rows(app, 'surveys');
    expect(stored.map((row) => JSON.parse(String(row.settings)).metric)).toEqual(['nps', 'csat', 'ces']);
  });

  it('public settings carry the scale and the standard wording of CSAT and CES in every language, under the survey overrides', async () => {
    const app = await testApp();
    await createSurvey(app, { id: 'delivery', metric: 'csat', wording: { nl: { question: 'Hoe tevreden ben je over de bezorging?' } } });
    await createSurvey(app, { id: 'support', metric: 'ces' });
    await createSurvey(app, { id: 'home' });
    const read = async (id: string) => (await app.inject({ url: `/v1/surveys/${id}/public`, headers: { origin: 'https://shop.example' } })).json();
    const csat = await read('delivery');
    expect(csat.scale).toEqual({ lowest: 1, highest: 5, passiveFrom: 3, promoterFrom: 4 });
    expect(csat.wording.en).toEqual({ question: 'How satisfied were you with {brand}?', low: 'Very dissatisfied', high: 'Very satisfied' });
    expect(csat.wording.nl).toEqual({ question: 'Hoe tevreden ben je over de bezorging?', low: 'Zeer ontevreden', high: 'Zeer tevreden' });
    expect(Object.keys(csat.wording).sort()).toEqual(['de', 'en', 'es', 'fr', 'nl']);
    const ces = await read('support');
    expect(ces.scale).toEqual({ lowest: 1, highest: 7, passiveFrom: 4, promoterFrom: 5 });
    expect(ces.wording.fr.low).toBe('Pas du tout d’accord');
    const nps = await read('home');
    expect(nps).toMatchObject({ metric: 'nps', wording: {}, scale: { lowest: 0, highest: 10, passiveFrom: 7, promoterFrom: 9 } });
    // The admin view keeps only what the survey set.
    expect((await app.inject({ url: '/v1/surveys/delivery', headers: asAdmin })).json().wording).toEqual({ nl: { question: 'Hoe tevreden ben je over de bezorging?' } });
  });

  it('refuses an unknown metric with 400 naming the field', async () => {
    const app = await testApp();
    const refused = await post(app, '/v1/surveys', { id: 'x', name: 'X', allowedOrigins: [], metric: 'ces7' }, asAdmin);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining('metric: must be one of nps, csat, ces') });
    expect(await rows(app, 'surveys')).toEqual([]);
  });

  it('changes the metric until the first answer, then refuses with 409 and keeps it', async () => {
    const app = await testApp();
    await createSurvey(app);
    const changed = await patch(app, 'demo', { metric: 'csat' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().metric).toBe('csat');
    expect((await post(app, '/v1/responses', { id: 'resp_metric_1', surveyId: 'demo', score: 4 })).statusCode).toBe(201);
    const locked = await patch(app, 'demo', { metric: 'ces', name: 'Renamed' });
    expect(locked.statusCode).toBe(409);
    expect(locked.json().error).toEqual({
      code: 'metric_locked',
      message: 'metric: survey "demo" already has answers on the CSAT scale, so it cannot change to CES; create another survey for CES',
    });
    const after = (await app.inject({ url: '/v1/surveys/demo', headers: asAdmin })).json();
    expect(after).toMatchObject({ metric: 'csat', name: 'Demo' });
    // The same metric again is no change, so it is accepted.
    expect((await patch(app, 'demo', { metric: 'csat', name: 'Delivery' })).statusCode).toBe(200);
  });
});

describe('scores outside the survey scale are refused on every way in', () => {
  it.each([
    ['csat', [0, 6, 10], [1, 5], 'score: must be an integer from 1 to 5 (the survey measures CSAT)'],
    ['ces', [0, 8], [1, 7], 'score: must be an integer from 1 to 7 (the survey measures CES)'],
  ])('widget ingest (%s): 400 naming the range, nothing stored', async (metric, refused, accepted, message) => {
    const app = await testApp();
    await createSurvey(app, { metric });
    for (const score of refused) {
      const response = await post(app, '/v1/responses', { id: `resp_off_${score}`, surveyId: 'demo', score }, { origin: 'https://shop.example' });
      expect(response.statusCode, `score ${score}`).toBe(400);
      expect(response.json().error).toEqual({ code: 'invalid_request', message });
    }
    expect(await rows(app, 'responses')).toEqual([]);
    for (const score of accepted) expect((await post(app, '/v1/responses', { id: `resp_on_${score}`, surveyId: 'demo', score })).statusCode).toBe(201);
    expect((await rows(app, 'responses')).map((row) => row.score)).toEqual(accepted);
  });

  it('refuses a changed score off the scale on an existing response and keeps the stored one', async () => {
    const app = await testApp();
    await createSurvey(app, { metric: 'csat' });
    expect((await post(app, '/v1/responses', { id: 'resp_keep_1', surveyId: 'demo', score: 2 })).statusCode).toBe(201);
    expect((await post(app, '/v1/responses', { id: 'resp_keep_1', surveyId: 'demo', score: 9, comment: 'x' })).statusCode).toBe(400);
    expect(await rows(app, 'responses')).toMatchObject([{ id: 'resp_keep_1', score: 2, comment: null }]);
  });

  it('hosted page: shows the metric scale and wording, refuses a score off it', async () => {
    const app = await testApp();
    await createSurvey(app, { metric: 'ces' });
    const page = await app.inject({ url: '/s/demo' });
    expect(page.body).toContain('Acme made it easy for me to handle my issue.');
    expect(page.body).toContain('1 = Strongly disagree');
    expect(page.body).toContain('7 = Strongly agree');
    expect(page.body.match(/name="score" value="\d+"/g)).toEqual([1, 2, 3, 4, 5, 6, 7].map((score) => `name="score" value="${score}"`));
    const nl = await app.inject({ url: '/s/demo?locale=nl' });
    expect(nl.body).toContain('Acme maakte het mij gemakkelijk om mijn vraag af te handelen.');
    const refused = await app.inject({ url: '/s/demo?score=9' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('must be an integer from 1 to 7 (the survey measures CES)');
    expect(await rows(app, 'responses')).toEqual([]);
    expect((await app.inject({ url: '/s/demo?score=2' })).statusCode).toBe(200);
    expect(await rows(app, 'responses')).toMatchObject([{ score: 2, channel: 'link' }]);
  });

  it('import: rejects rows off the scale with their line numbers and writes nothing', async () => {
    const dir = tempDir();
    const db = await freshDatabaseLocation(dir);
    expect(await runCli(['surveys', 'create', '--id', 'delivery', '--name', 'Delivery', '--metric', 'csat', '--db', db], {}, silent)).toBe(0);
    const file = join(dir, 'answers.csv');
    writeFileSync(file, 'created_at,score\n2025-06-01,5\n2025-06-02,0\n2025-06-03,7\n');
    let out = '';
    expect(await importCommand([file, '--survey', 'delivery', '--db', db], {}, { out: (text) => { out += text; }, err: () => {} })).toBe(1);
    expect(JSON.parse(out).rejected).toEqual([
      { line: 3, message: 'score: must be an integer from 1 to 5 (the survey measures CSAT)' },
      { line: 4, message: 'score: must be an integer from 1 to 5 (the survey measures CSAT)' },
    ]);
    expect(await rows({ dbPath: db }, 'responses')).toEqual([]);
  });
});

describe('coached wording is refused when a survey is saved', () => {
  it.each([
    [{ wording: { en: { question: 'How likely are you to recommend us? Only a 10 counts!' } } }, 'wording.en.question: coached wording (rule only-some-scores-count)'],
    [{ wording: { nl: { question: 'Geef ons een 9 of 10 als je tevreden bent' } } }, 'wording.nl.question: coached wording'],
    [{ followUp: { passive: 'What would make it a 9 or 10?' } }, 'followUp.passive: coached wording (rule names-top-scores)'],
  ])('%j → 400 naming the field and the rule, nothing stored', async (fields, message) => {
    const app = await testApp();
    const created = await post(app, '/v1/surveys', { id: 'coached', name: 'Coached', allowedOrigins: [], ...fields }, asAdmin);
    expect(created.statusCode).toBe(400);
    expect(created.json().error).toMatchObject({ code: 'invalid_request', message: expect.stringContaining(message) });
    expect(await rows(app, 'surveys')).toEqual([]);

    await createSurvey(app);
    const patched = await patch(app, 'demo', fields);
    expect(patched.statusCode).toBe(400);
    expect(patched.json().error.message).toContain(message);
    expect((await app.inject({ url: '/v1/surveys/demo', headers: asAdmin })).json()).toMatchObject({ wording: {}, followUp: {} });
  });

  it('accepts neutral wording that describes the scale', async () => {
    const app = await testApp();
    const survey = await createSurvey(app, { wording: { en: { question: 'On a scale from 0 to 10, how likely are you to recommend {brand}?' } } });
    expect(survey.wording.en.question).toContain('0 to 10');
  });

  it('CLI: --metric is stored, a bad one names the flag', async () => {
    const db = await freshDatabaseLocation(tempDir());
    let err = '';
    expect(await runCli(['surveys', 'create', '--id', 'support', '--name', 'Support', '--metric', 'ces', '--db', db], {}, silent)).toBe(0);
    expect(await runCli(['surveys', 'create', '--id', 'bad', '--name', 'Bad', '--metric', 'stars', '--db', db], {}, { out: () => {}, err: (text) => { err += text; } })).not.toBe(0);
    expect(err).toContain('--metric: must be one of nps, csat, ces');
    expect((await rows({ dbPath: db }, 'surveys')).map((row) => [row.id, JSON.parse(String(row.settings)).metric])).toEqual([['support', 'ces']]);
  });
});
