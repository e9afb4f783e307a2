import { describe, expect, it } from 'vitest';
import { analyticsApp, answer, expectBadRequest, get } from './analytics-app.ts';
import { asAdmin } from '../helpers.ts';

type Listed = { id: string; score: number; group: string; comment: string | null; createdAt: string };
const ids = (body: { responses: Listed[] }) => body.responses.map((response) => response.id);

describe('GET /v1/surveys/:id/responses', () => {
  it('lists newest first with every field, and filters by group, score, comment and dimension', async () => {
    const app = await analyticsApp();
    await answer(app, [
      { id: 'resp_old_1', score: 2, at: '2026-01-01T10:00:00Z', comment: 'Too slow', touchpoint: 'checkout' },
      { id: 'resp_mid_1', score: 8, at: '2026-01-02T10:00:00Z', touchpoint: 'support', properties: { plan: 'pro' } },
      { id: 'resp_new_1', score: 10, at: '2026-01-03T10:00:00Z', comment: 'Great', touchpoint: 'checkout', locale: 'nl-BE' },
    ]);
    const all = await get(app, '/v1/surveys/demo/responses');
    expect(all.status).toBe(200);
    expect(ids(all.body)).toEqual(['resp_new_1', 'resp_mid_1', 'resp_old_1']);
    expect(all.body.nextCursor).toBeNull();
    expect(all.body.responses[0]).toMatchObject({
      id: 'resp_new_1', surveyId: 'demo', score: 10, group: 'promoter', comment: 'Great', touchpoint: 'checkout', locale: 'nl-BE',
      createdAt: '2026-01-03T10:00:00.000Z', properties: null,
    });
    expect(all.body.responses[1].properties).toEqual({ plan: 'pro' });
    const cases: [string, string[]][] = [
      ['group=detractor', ['resp_old_1']],
      ['score=8', ['resp_mid_1']],
      ['hasComment=true', ['resp_new_1', 'resp_old_1']],
      ['hasComment=false', ['resp_mid_1']],
      ['touchpoint=checkout&from=2026-01-02', ['resp_new_1']],
      ['property.plan=pro', ['resp_mid_1']],
    ];
    for (const [query, expected] of cases) expect(ids((await get(app, `/v1/surveys/demo/responses?${query}`)).body), query).toEqual(expected);
  });

  it('searches comments in any language, folding case and accents', async () => {
    const app = await analyticsApp();
    await answer(app, [
      { id: 'resp_cafe_1', score: 9, at: '2026-01-01T10:00:00Z', comment: 'Lovely CAFÉ corner' },
      { id: 'resp_nl_01', score: 4, at: '2026-01-02T10:00:00Z', comment: 'De bezorging was veel te traag' },
      { id: 'resp_de_01', score: 6, at: '2026-01-03T10:00:00Z', comment: 'Die Lieferung war zu langsam, Straße gesperrt' },
      { id: 'resp_none1', score: 7, at: '2026-01-04T10:00:00Z' },
    ]);
    const search = async (q: string) => ids((await get(app, `/v1/surveys/demo/responses?q=${encodeURIComponent(q)}`)).body);
    expect(await search('cafe')).toEqual(['resp_cafe_1']);
    expect(await search('Café corner')).toEqual(['resp_cafe_1']);
    expect(await search('bezorg')).toEqual(['resp_nl_01']);
    expect(await search('STRASSE')).toEqual([]);
    expect(await search('straße')).toEqual(['resp_de_01']);
    expect(await search('"traag" OR cafe')).toEqual([]);
    // A comment added to the response later is found.
    await answer(app, [{ id: 'resp_none1', score: 7, at: '2026-01-04T10:01:00Z', comment: 'Kaffee war kalt' }]);
    expect(await search('kaffee')).toEqual(['resp_none1']);
    const bad = await get(app, '/v1/surveys/demo/responses?q=%21%21%21');
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe('q: must contain a letter or digit');
  });

  it('pages with a cursor that never skips or repeats a row while new answers arrive', async () => {
    const app = await analyticsApp();
    const base = Date.parse('2026-01-01T00:00:00Z');
    // 90 answers, many sharing a timestamp so page boundaries fall inside ties.
    await answer(app, Array.from({ length: 90 }, (_, index) => ({ id: `resp_page_${String(index).padStart(3, '0')}`, score: index % 11, at: base + Math.floor(index / 4) * 60_000 })));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const { status, body } = await get(app, `/v1/surveys/demo/responses?limit=7${query}`);
      expect(status).toBe(200);
      seen.push(...ids(body));
      cursor = body.nextCursor;
      // New answers keep arriving between pages: they are newer than every listed row.
      await answer(app, [{ score: 10, at: Date.now() }, { score: 0, at: Date.now() }]);
      pages++;
    } while (cursor);
    expect(pages).toBe(13);
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual(Array.from({ length: 90 }, (_, index) => `resp_page_${String(index).padStart(3, '0')}`));
  });

  it.each([
    ['limit=501', 'limit: must be an integer from 1 to 500'],
    ['limit=0', 'limit: must be an integer from 1 to 500'],
    ['cursor=not-a-cursor', 'cursor: is not a nextCursor from this API'],
    ['group=fan', 'group: must be one of detractor, passive, promoter'],
    ['score=11', 'score: must be an integer from 0 to 10'],
    ['hasComment=yes', 'hasComment: must be true or false'],
    ['q=' + 'a'.repeat(201), 'q: must be at most 200 characters'],
  ])('refuses %s', async (query, message) => {
    await expectBadRequest(await analyticsApp(), `/v1/surveys/demo/responses?${query}`, message);
  });
});

describe('GET /v1/surveys/:id/responses?status=', () => {
  it('filters by loop state', async () => {
    const app = await analyticsApp();
    await answer(app, [
      { id: 'resp_loop_1', score: 2, at: '2026-01-01T10:00:00Z' },
      { id: 'resp_loop_2', score: 3, at: '2026-01-02T10:00:00Z' },
      { id: 'resp_loop_3', score: 9, at: '2026-01-03T10:00:00Z' },
    ]);
    // Detractors already have open loops; contacting one gives the filter two states to tell apart.
    const contacted = await app.inject({ method: 'PATCH', url: '/v1/responses/resp_loop_1', headers: asAdmin, payload: { status: 'contacted' } });
    expect(contacted.statusCode).toBe(200);
    expect(ids((await get(app, '/v1/surveys/demo/responses?status=open')).body)).toEqual(['resp_loop_2']);
    expect(ids((await get(app, '/v1/surveys/demo/responses?status=contacted')).body)).toEqual(['resp_loop_1']);
    expect((await get(app, '/v1/surveys/demo/responses?status=lost')).body.error.message).toBe('status: must be one of open, contacted, resolved, closed');
  });
});
