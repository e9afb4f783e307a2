import { describe, expect, it } from 'vitest';
import { adminCall, closeLoopApp, ingestAt } from './close-loop-app.ts';
import { dbRows } from '../support/db-rows.ts';

const loopRow = async (app: Awaited<ReturnType<typeof closeLoopApp>>, id: string) =>
  (await dbRows(app, 'SELECT * FROM loops WHERE response_id = ?', id))[0];

describe('loops open by themselves', () => {
  it('opens a loop when a detractor is posted to the public ingest endpoint', async () => {
    const app = await closeLoopApp();
    const posted = await app.inject({ method: 'POST', url: '/v1/responses', payload: { id: 'resp_viahttp01', surveyId: 'demo', score: 1, consent: true, respondent: { userId: 'u-77' } } });
    expect(posted.statusCode).toBe(201);
    expect(await loopRow(app, 'resp_viahttp01')).toMatchObject({ survey_id: 'demo', state: 'open' });
    const loop = (await adminCall(app, 'GET', '/v1/responses/resp_viahttp01/loop')).json();
    expect(loop).toMatchObject({ contactable: true, contact: { userId: 'u-77', email: null }, notes: [] });
  });

  it('opens a loop for a detractor, says whether they can be contacted, and not for a promoter', async () => {
    const app = await closeLoopApp();
    await ingestAt(app, { id: 'resp_detractor1', score: 2, consent: true, respondent: { email: 'ann@example.com' }, comment: 'Slow delivery' });
    await ingestAt(app, { id: 'resp_detractor2', score: 6, consent: false, respondent: { email: 'bob@example.com' } });
    await ingestAt(app, { id: 'resp_promoter01', score: 10, consent: true, respondent: { email: 'cy@example.com' } });
    const list = await adminCall(app, 'GET', '/v1/loops');
    expect(list.statusCode).toBe(200);
    const loops = list.json().loops;
    expect(loops.map((loop: { responseId: string }) => loop.responseId)).toEqual(['resp_detractor1', 'resp_detractor2']);
    expect(loops[0]).toMatchObject({ state: 'open', contactable: true, contact: { email: 'ann@example.com', userId: null }, response: { score: 2, comment: 'Slow delivery' } });
    expect(loops[1]).toMatchObject({ contactable: false, contact: null });
    expect(await loopRow(app, 'resp_promoter01')).toBeUndefined();
  });

  it('follows the survey settings: threshold and passives', async () => {
    const app = await closeLoopApp();
    await ingestAt(app, { id: 'resp_before05', score: 5 });
    expect(await loopRow(app, 'resp_before05')).toBeDefined();
    const patch = await adminCall(app, 'PATCH', '/v1/surveys/demo/loop-settings', { detractorThreshold: 4, includePassives: true });
    expect(patch.json()).toMatchObject({ surveyId: 'demo', detractorThreshold: 4, includePassives: true, slaHours: 48 });
    for (const [id, score] of [['resp_score4xx', 4], ['resp_score5xx', 5], ['resp_score8xx', 8], ['resp_score9xx', 9]] as const) {
      await ingestAt(app, { id, score });
    }
    expect(await Promise.all(['resp_score4xx', 'resp_score5xx', 'resp_score8xx', 'resp_score9xx'].map(async (id) => Boolean(await loopRow(app, id))))).toEqual([true, false, true, false]);
    const bad = await adminCall(app, 'PATCH', '/v1/surveys/demo/loop-settings', { detractorThreshold: 7 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('detractorThreshold');
  });

  it('retracts an untouched loop when the score is changed to a promoter within the change window', async () => {
    const app = await closeLoopApp();
    await ingestAt(app, { id: 'resp_changed01', score: 3 });
    expect(await loopRow(app, 'resp_changed01')).toBeDefined();
    await ingestAt(app, { id: 'resp_changed01', score: 9 });
    expect(await loopRow(app, 'resp_changed01')).toBeUndefined();
  });
});

describe('PATCH /v1/responses/:id and notes', () => {
  it('walks a loop open → contacted → resolved, stamping times in the database', async () => {
    const app = await closeLoopApp();
    await ingestAt(app, { id: 'resp_walk00001' });
    app.clock.advanceHours(5);
    const contacted = await adminCall(app, 'PATCH', '/v1/responses/resp_walk00001', { status: 'contacted', assignee: 'dana', tags: ['billing', 'billing', 'vip'] });
    expect(contacted.statusCode).toBe(200);
    expect(contacted.json().loop).toMatchObject({ state: 'contacted', assignee: 'dana', tags: ['billing', 'vip'], firstContactAt: '2026-03-02T14:00:00.000Z' });
    app.clock.advanceHours(19);
    const resolved = await adminCall(app, 'PATCH', '/v1/responses/resp_walk00001', { status: 'resolved' });
    expect(resolved.json().loop).toMatchObject({ state: 'resolved', resolvedAt: '2026-03-03T09:00:00.000Z' });
    expect(await loopRow(app, 'resp_walk00001')).toMatchObject({
      state: 'resolved', assignee: 'dana', first_contact_at: Date.parse('2026-03-02T14:00:00Z'), resolved_at: Date.parse('2026-03-03T09:00:00Z'),
    });
  });

  it.each([
    { setup: [], patch: { status: 'resolved' }, status: 409, code: 'invalid_transition' },
    { setup: [{ status: 'closed', closeReason: 'no_reply' }], patch: { status: 'contacted' }, status: 409, code: 'invalid_transition' },
    { setup: [], patch: { status: 'closed' }, status: 400, code: 'invalid_request' },
    { setup: [], patch: { status: 'closed', closeReason: 'bored' }, status: 400, code: 'invalid_request' },
    { setup: [], patch: {}, status: 400, code: 'invalid_request' },
    { setup: [], patch: { status: 'done' }, status: 400, code: 'invalid_request' },
    { setup: [], patch: { assignee: 'x'.repeat(101) }, status: 400, code: 'invalid_request' },
    { setup: [], patch: { tags: ['Not A Slug!'] }, status: 400, code: 'invalid_request' },
  ])('refuses $patch after $setup with $status $code, changing nothing', async ({ setup, patch, status, code }) => {
    const app = await closeLoopApp();
    await ingestAt(app, { id: 'resp_refuse001' });
    for (const step of setup) expect((await adminCall(app, 'PATCH', '/v1/responses/resp_refuse001', step)).statusCode).toBe(200);
    const before = await loopRow(app, 'resp_refuse001');
    const response = await adminCall(app, 'PATCH', '/v1/responses/resp_refuse001', patch);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toBe(code);
    expect(await loopRow(app, 'resp_refuse001')).toEqual(before);
  });

  it('404s for an unknown response', async () => {
    const app = await closeLoopApp();
    const response = await adminCall(app, 'PATCH', '/v1/responses/resp_missing01', { status: 'contacted' });
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('response_not_found');
  });

  it('keeps notes with author and time, and opens a loop by hand for a passive', async () => {
    const app = await closeLoopApp();
    await ingestAt(app, { id: 'resp_passive01', score: 8 });
    const note = await adminCall(app, 'POST', '/v1/responses/resp_passive01/notes', { author: 'eve', text: 'Called back, <b>happy</b> now' });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ author: 'eve', text: 'Called back, <b>happy</b> now', createdAt: '2026-03-02T09:00:00.000Z' });
    const loop = await adminCall(app, 'GET', '/v1/responses/resp_passive01/loop');
    expect(loop.json()).toMatchObject({ state: 'open', notesCount: 1, notes: [{ author: 'eve' }] });
    expect(await dbRows(app, 'SELECT author, text FROM loop_notes')).toEqual([{ author: 'eve', text: 'Called back, <b>happy</b> now' }]);
    expect((await adminCall(app, 'POST', '/v1/responses/resp_passive01/notes', { author: 'eve', text: '' })).statusCode).toBe(400);
  });

  it('marks a response excluded in the database and leaves it out of the queue', async () => {
    const app = await closeLoopApp();
    await ingestAt(app, { id: 'resp_testanswer' });
    const patched = await adminCall(app, 'PATCH', '/v1/responses/resp_testanswer', { excluded: true });
    expect(patched.json()).toMatchObject({ id: 'resp_testanswer', excluded: true, loop: { excluded: true } });
    expect(await dbRows(app, 'SELECT excluded FROM responses WHERE id = ?', 'resp_testanswer')).toEqual([{ excluded: 1 }]);
    expect((await adminCall(app, 'GET', '/v1/loops')).json().loops).toEqual([]);
    expect((await adminCall(app, 'GET', '/v1/loops?includeExcluded=true')).json().loops).toHaveLength(1);
  });
});

describe('GET /v1/loops filters', () => {
  it('filters by state, assignee, tag, survey and overdue, and pages oldest first', async () => {
    const app = await closeLoopApp();
    for (const id of ['resp_filter001', 'resp_filter002', 'resp_filter003', 'resp_filter004']) {
      await ingestAt(app, { id });
      app.clock.advanceHours(10);
    }
    await adminCall(app, 'PATCH', '/v1/responses/resp_filter002', { status: 'contacted', assignee: 'dana', tags: ['vip'] });
    await adminCall(app, 'PATCH', '/v1/responses/resp_filter003', { assignee: 'dana' });
    const ids = async (query: string) => (await adminCall(app, 'GET', `/v1/loops${query}`)).json().loops.map((loop: { responseId: string }) => loop.responseId);
    expect(await ids('?state=open')).toEqual(['resp_filter001', 'resp_filter003', 'resp_filter004']);
    expect(await ids('?state=open&state=contacted&assignee=dana')).toEqual(['resp_filter002', 'resp_filter003']);
    expect(await ids('?unassigned=true')).toEqual(['resp_filter001', 'resp_filter004']);
    expect(await ids('?tag=vip')).toEqual(['resp_filter002']);
    expect(await ids('?surveyId=other')).toEqual([]);
    expect(await ids('?overdue=true')).toEqual([]);
    app.clock.advanceHours(20);
    // Now 60 h after the first loop opened: only the uncontacted loops older than 48 h are overdue.
    expect(await ids('?overdue=true')).toEqual(['resp_filter001']);
    const first = (await adminCall(app, 'GET', '/v1/loops?limit=3')).json();
    expect(first.loops).toHaveLength(3);
    const second = (await adminCall(app, 'GET', `/v1/loops?limit=3&cursor=${first.nextCursor}`)).json();
    expect(second).toMatchObject({ loops: [{ responseId: 'resp_filter004' }], nextCursor: null });
    expect((await adminCall(app, 'GET', '/v1/loops?state=stuck')).statusCode).toBe(400);
    expect((await adminCall(app, 'GET', '/v1/loops?cursor=bogus')).statusCode).toBe(400);
  });
});
