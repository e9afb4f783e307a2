import { describe, expect, it } from 'vitest';
import { dbRows } from '../support/db-rows.ts';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';

type App = Awaited<ReturnType<typeof closeLoopApp>>;
type Answer = [score: number, comment?: string];

/** `count` copies of an answer. */
const times = (count: number, answer: Answer): Answer[] => Array.from({ length: count }, () => answer);

// At checkout, before the action (February) and after it was done (late March).
const BEFORE: Answer[] = [...times(8, [3, 'Slow delivery, two weeks']), ...times(2, [2, 'Rude courier']), ...times(6, [7]), ...times(8, [9, 'Nice shop'])];
const AFTER: Answer[] = [[4, 'Slow delivery again'], [4, 'Broken box'], ...times(5, [8]), ...times(10, [10, 'Fast delivery']), ...times(7, [10])];

async function seed(app: App, at: string, answers: Answer[], touchpoint: string, prefix: string) {
  for (const [index, [score, comment]] of answers.entries()) {
    app.clock.set(new Date(Date.parse(at) + index * 3_600_000).toISOString());
    await ingestAt(app, { id: `resp_${prefix}${String(index).padStart(4, '0')}`, score, comment, touchpoint });
  }
}

// The second method: figures straight from the seeded answers, and p-values by integrating the normal density.
const npsOf = (answers: Answer[]) => ((answers.filter(([score]) => score >= 9).length - answers.filter(([score]) => score <= 6).length) / answers.length) * 100;
function twoSidedP(z: number): number {
  // Simpson's rule for the density from 0 to |z|: P(|Z| > |z|) = 1 − 2∫₀^|z| φ.
  const steps = 20_000;
  const width = Math.abs(z) / steps;
  const density = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);
  let sum = density(0) + density(Math.abs(z));
  for (let step = 1; step < steps; step++) sum += (step % 2 ? 4 : 2) * density(step * width);
  return 1 - 2 * (sum * width) / 3;
}
function adjustedWaldZ(a: Answer[], b: Answer[]): number {
  const side = (answers: Answer[]) => {
    const n = answers.length + 3;
    const promoters = (answers.filter(([score]) => score >= 9).length + 0.75) / n;
    const detractors = (answers.filter(([score]) => score <= 6).length + 0.75) / n;
    return { n, nps: promoters - detractors, variance: promoters + detractors - (promoters - detractors) ** 2 };
  };
  const [left, right] = [side(a), side(b)];
  return (right.nps - left.nps) / Math.sqrt(left.variance / left.n + right.variance / right.n);
}
function pooledZ(successesA: number, nA: number, successesB: number, nB: number): number {
  const pooled = (successesA + successesB) / (nA + nB);
  return (successesB / nB - successesA / nA) / Math.sqrt(pooled * (1 - pooled) * (1 / nA + 1 / nB));
}

describe('what a done action changed', () => {
  it('shows its touchpoint\'s NPS and its theme\'s share before and after, each change tested, against figures recomputed from the answers', async () => {
    const app = await closeLoopApp();
    await seed(app, '2026-01-20T10:00:00Z', [[2, 'Slow delivery']], 'checkout', 'old');
    await seed(app, '2026-02-10T10:00:00Z', BEFORE, 'checkout', 'before');
    await seed(app, '2026-02-12T10:00:00Z', times(5, [3, 'Slow delivery of the refund']), 'support', 'otherb');
    app.clock.set('2026-03-01T09:00:00Z');
    const made = await adminCall(app, 'POST', '/v1/actions', {
      surveyId: 'demo', title: 'Ship from the second depot', kind: 'bigger_bet', touchpoint: 'checkout', themes: ['slow delivery'],
    });
    expect(made.statusCode).toBe(201);
    const action = made.json();
    expect(action).toMatchObject({ kind: 'bigger_bet', touchpoint: 'checkout', themes: ['slow delivery'] });

    const early = await adminCall(app, 'GET', `/v1/actions/${action.id}/effect`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toEqual({ code: 'action_not_done', message: `id: action "${action.id}" is proposed; before and after are measured once it is done` });

    await seed(app, '2026-03-05T10:00:00Z', [[1, 'Slow delivery while we worked on it']], 'checkout', 'between');
    app.clock.set('2026-03-06T09:00:00Z');
    await adminCall(app, 'PATCH', `/v1/actions/${action.id}`, { state: 'in_progress' });
    app.clock.set('2026-03-10T12:00:00Z');
    await adminCall(app, 'PATCH', `/v1/actions/${action.id}`, { state: 'done' });
    await seed(app, '2026-03-20T10:00:00Z', AFTER, 'checkout', 'after');
    await seed(app, '2026-03-21T10:00:00Z', times(5, [3, 'Slow delivery of the refund']), 'support', 'othera');
    app.clock.set('2026-04-10T09:00:00Z');

    const response = await adminCall(app, 'GET', `/v1/actions/${action.id}/effect?days=28`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({
      actionId: action.id, surveyId: 'demo', metric: 'nps', days: 28,
      before: { from: '2026-02-01T09:00:00.000Z', to: '2026-03-01T09:00:00.000Z' }, after: { from: '2026-03-10T12:00:00.000Z', to: '2026-04-07T12:00:00.000Z' },
      multipleComparisons: { method: 'benjamini-hochberg', alpha: 0.05, tests: 2 },
    });
    const [touchpoint, theme] = body.effects;

    const round = (value: number) => Math.round(value * 10) / 10;
    expect(touchpoint).toMatchObject({
      subject: 'touchpoint', touchpoint: 'checkout', theme: null,
      before: { n: BEFORE.length, score: round(npsOf(BEFORE)) }, after: { n: AFTER.length, score: round(npsOf(AFTER)) },
      change: { difference: round(npsOf(AFTER) - npsOf(BEFORE)), test: 'two-sample-z', significant: true },
    });
    const npsP = twoSidedP(adjustedWaldZ(BEFORE, AFTER));
    expect(touchpoint.change.p).toBeCloseTo(npsP, 4);

    const mentionsBefore = BEFORE.filter(([, comment]) => comment?.startsWith('Slow delivery')).length;
    const mentionsAfter = AFTER.filter(([, comment]) => comment?.startsWith('Slow delivery')).length;
    expect([mentionsBefore, mentionsAfter]).toEqual([8, 1]);
    expect(theme).toMatchObject({
      subject: 'theme', theme: 'slow delivery', touchpoint: 'checkout',
      before: { n: 24, mentions: 8, percent: round((8 / 24) * 100) }, after: { n: 24, mentions: 1, percent: round((1 / 24) * 100) },
      change: { difference: round((1 / 24 - 8 / 24) * 100), test: 'two-proportion-z' },
    });
    const shareP = twoSidedP(pooledZ(8, 24, 1, 24));
    expect(theme.change.p).toBeCloseTo(shareP, 4);
    // Benjamini–Hochberg over two tests: the larger p stays, the smaller is doubled (capped by the larger); the API adjusts
    // the p-values it shows (four decimals), so q can differ from the exact one by two units of the fourth decimal.
    const [small, large] = [Math.min(npsP, shareP), Math.max(npsP, shareP)];
    const qOf = (p: number) => (p === small ? Math.min(2 * small, large) : large);
    expect(touchpoint.change.q).toBeCloseTo(qOf(npsP), 3);
    expect(theme.change.q).toBeCloseTo(qOf(shareP), 3);
    expect(theme.change.significant).toBe(qOf(shareP) <= 0.05);
  });

  it('is a quick win unless told otherwise, lists by kind, and keeps kind and touchpoint in the database', async () => {
    const app = await closeLoopApp();
    const quick = (await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'Reply to every detractor the same day' })).json();
    const bet = (await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'New carrier', kind: 'bigger_bet', touchpoint: 'checkout' })).json();
    expect(quick).toMatchObject({ kind: 'quick_win', touchpoint: null });
    const listed = (await adminCall(app, 'GET', '/v1/actions?kind=bigger_bet')).json();
    expect(listed.actions.map((item: { id: string }) => item.id)).toEqual([bet.id]);
    const changed = await adminCall(app, 'PATCH', `/v1/actions/${quick.id}`, { kind: 'bigger_bet', touchpoint: null });
    expect(changed.json()).toMatchObject({ kind: 'bigger_bet', touchpoint: null });
    expect(await dbRows(app, 'SELECT title, kind, touchpoint FROM actions ORDER BY title')).toEqual([
      { title: 'New carrier', kind: 'bigger_bet', touchpoint: 'checkout' }, { title: 'Reply to every detractor the same day', kind: 'bigger_bet', touchpoint: null },
    ]);
  });

  it('measures an action with neither touchpoint nor theme as nothing to compare, and the after window as far as it has run', async () => {
    const app = await closeLoopApp();
    const action = (await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'Thank the team', state: 'in_progress' })).json();
    app.clock.set('2026-03-03T09:00:00Z');
    await adminCall(app, 'PATCH', `/v1/actions/${action.id}`, { state: 'done' });
    app.clock.set('2026-03-04T09:00:00Z');
    const body = (await adminCall(app, 'GET', `/v1/actions/${action.id}/effect`)).json();
    expect(body).toMatchObject({ days: 28, after: { from: '2026-03-03T09:00:00.000Z', to: '2026-03-04T09:00:00.000Z' }, effects: [], multipleComparisons: { tests: 0 } });
  });

  it.each([
    ['POST', '/v1/actions', { surveyId: 'demo', title: 'x', kind: 'moonshot' }, 400, 'kind: must be one of quick_win, bigger_bet'],
    ['POST', '/v1/actions', { surveyId: 'demo', title: 'x', touchpoint: 'Check Out!' }, 400, 'touchpoint: must be a slug'],
    ['GET', '/v1/actions?kind=big', undefined, 400, 'kind: must be one of quick_win, bigger_bet'],
    ['GET', '/v1/actions/act_0123456789abcdef/effect', undefined, 404, 'no action with id "act_0123456789abcdef"'],
    ['GET', '/v1/actions/act_0123456789abcdef/effect?days=0', undefined, 400, 'days: must be a whole number of days from 1 to 365'],
  ] as const)('%s %s %j answers %i', async (method, url, body, status, message) => {
    const app = await closeLoopApp();
    const response = await adminCall(app, method, url, body);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.message).toContain(message);
    expect(await dbRows(app, 'SELECT id FROM actions')).toEqual([]);
  });
});
