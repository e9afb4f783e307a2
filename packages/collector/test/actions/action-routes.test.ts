import { describe, expect, it } from 'vitest';
import { ACTION_STATES, ACTION_TRANSITIONS, isActionOverdue } from '../../src/actions/action-state.ts';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';
import { dbRows, dbValue } from '../support/db-rows.ts';

describe('action state machine', () => {
  const allowed = { proposed: ['in_progress', 'dropped'], in_progress: ['done', 'dropped'], done: ['in_progress'], dropped: ['proposed'] };
  const cases = ACTION_STATES.flatMap((from) => ACTION_STATES.filter((to) => to !== from).map((to) => ({ from, to, ok: allowed[from].includes(to) })));

  it.each(cases)('$from → $to over HTTP: allowed $ok', async ({ from, to, ok }) => {
    const app = await closeLoopApp();
    const created = (await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'Fix slow checkout' })).json();
    const path = { proposed: [], in_progress: ['in_progress'], done: ['in_progress', 'done'], dropped: ['dropped'] }[from];
    for (const step of path) expect((await adminCall(app, 'PATCH', `/v1/actions/${created.id}`, { state: step })).statusCode).toBe(200);
    const response = await adminCall(app, 'PATCH', `/v1/actions/${created.id}`, { state: to });
    expect(response.statusCode).toBe(ok ? 200 : 409);
    if (!ok) expect(response.json().error.code).toBe('invalid_transition');
    expect(await dbValue(app, 'SELECT state FROM actions WHERE id = ?', created.id)).toBe(ok ? to : from);
    expect(Object.keys(ACTION_TRANSITIONS)).toContain(from);
  });

  it.each([
    { state: 'in_progress' as const, dueDate: '2026-03-01', overdue: true },
    { state: 'proposed' as const, dueDate: '2026-03-02', overdue: false },
    { state: 'done' as const, dueDate: '2026-01-01', overdue: false },
    { state: 'proposed' as const, dueDate: null, overdue: false },
  ])('$state due $dueDate is overdue on 2 March: $overdue', ({ state, dueDate, overdue }) => {
    expect(isActionOverdue({ state, dueDate }, Date.parse('2026-03-02T09:00:00Z'))).toBe(overdue);
  });
});

describe('/v1/actions', () => {
  it('creates, lists, filters and updates actions linked to responses and themes', async () => {
    const app = await closeLoopApp();
    await ingestAt(app, { id: 'resp_action001', score: 2, comment: 'Checkout is slow' });
    const created = await adminCall(app, 'POST', '/v1/actions', {
      surveyId: 'demo', title: 'Speed up checkout', owner: 'dana', dueDate: '2026-03-20', responseIds: ['resp_action001'], themes: ['slow checkout'],
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ state: 'proposed', owner: 'dana', responseIds: ['resp_action001'], themes: ['slow checkout'], overdue: false, doneAt: null });
    const other = (await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'Train support staff', owner: 'eve' })).json();

    const titles = async (query: string) => (await adminCall(app, 'GET', `/v1/actions${query}`)).json().actions.map((action: { title: string }) => action.title);
    expect(await titles('')).toEqual(['Speed up checkout', 'Train support staff']);
    expect(await titles('?owner=eve')).toEqual(['Train support staff']);
    expect(await titles('?state=done')).toEqual([]);

    await adminCall(app, 'PATCH', `/v1/actions/${other.id}`, { state: 'in_progress' });
    app.clock.advanceHours(24);
    const done = await adminCall(app, 'PATCH', `/v1/actions/${other.id}`, { state: 'done', owner: null, themes: ['staff'] });
    expect(done.json()).toMatchObject({ state: 'done', owner: null, themes: ['staff'], doneAt: '2026-03-03T09:00:00.000Z' });
    expect(await titles('?state=done&state=in_progress')).toEqual(['Train support staff']);
    expect((await adminCall(app, 'GET', `/v1/actions/${created.json().id}`)).json().title).toBe('Speed up checkout');
    expect(await dbRows(app, 'SELECT action_id, response_id FROM action_responses')).toEqual([{ action_id: created.json().id, response_id: 'resp_action001' }]);
  });

  it.each([
    { body: { surveyId: 'demo', title: '' }, status: 400 },
    { body: { surveyId: 'demo', title: 'x'.repeat(201) }, status: 400 },
    { body: { surveyId: 'demo', title: 'T', dueDate: '31-03-2026' }, status: 400 },
    { body: { surveyId: 'demo', title: 'T', responseIds: ['resp_unknown01'] }, status: 400 },
    { body: { surveyId: 'demo', title: 'T', state: 'done' }, status: 400 },
    { body: { surveyId: 'nope', title: 'T' }, status: 404 },
    { body: { surveyId: 'demo', title: 'T', extra: 1 }, status: 400 },
  ])('refuses $body with $status and stores nothing', async ({ body, status }) => {
    const app = await closeLoopApp();
    const response = await adminCall(app, 'POST', '/v1/actions', body);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.code).toMatch(/^[a-z_]+$/);
    expect(await dbValue(app, 'SELECT COUNT(*) FROM actions')).toBe(0);
  });

  it('404s for an unknown action', async () => {
    const app = await closeLoopApp();
    expect((await adminCall(app, 'GET', '/v1/actions/act_0000000000000000')).statusCode).toBe(404);
    expect((await adminCall(app, 'PATCH', '/v1/actions/act_0000000000000000', { title: 'x' })).statusCode).toBe(404);
  });
});
