import { describe, expect, it } from 'vitest';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';

type App = Awaited<ReturnType<typeof closeLoopApp>>;

const HOSTILE = '**Slow delivery** @here <img src=x> [free](https://evil.example)\n# not a heading';

/** Previous week: 10 checkout detractors, 10 support promoters (NPS 0). This week: NPS well above, checkout recovering. */
async function seedTwoWeeks(app: App) {
  let sequence = 0;
  const answer = async (at: string, score: number, touchpoint: string, comment?: string) => {
    app.clock.set(at);
    await ingestAt(app, { id: `resp_huddle${String(++sequence).padStart(3, '0')}`, score, touchpoint, comment });
  };
  for (let index = 0; index < 10; index++) await answer(`2026-02-1${6 + (index % 3)}T10:00:00Z`, 3, 'checkout', 'Slow delivery again');
  for (let index = 0; index < 10; index++) await answer(`2026-02-17T1${index % 10}:00:00Z`, 10, 'support');
  const detractorComments = ['Slow delivery, two weeks', 'Slow delivery and no updates', 'Slow delivery of a broken item', HOSTILE, 'Checkout crashed'];
  for (const [index, comment] of detractorComments.entries()) await answer(`2026-02-2${3 + index}T08:00:00Z`, 2, 'checkout', comment);
  for (let index = 0; index < 10; index++) await answer(`2026-02-24T0${index}:00:00Z`, 9, 'checkout', index < 3 ? 'Friendly support staff' : undefined);
  for (let index = 0; index < 15; index++) await answer(`2026-02-26T1${index % 10}:0${index % 6}:00Z`, 10, 'support', index < 2 ? 'Friendly support, fast answer' : undefined);
  // Sunday: "the last 7 days" (today included) are Monday 23 to Sunday 1 March.
  app.clock.set('2026-03-01T09:00:00Z');
}

describe('GET /v1/surveys/:id/huddle', () => {
  it('gives the figure, its significant change, what moved, themes with quotes, loops, actions and the questions', async () => {
    const app = await closeLoopApp();
    await seedTwoWeeks(app);
    await adminCall(app, 'PATCH', '/v1/responses/resp_huddle021', { status: 'contacted', assignee: 'dana' });
    await adminCall(app, 'PATCH', '/v1/responses/resp_huddle022', { assignee: 'eve' });
    await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'Fix delivery times', owner: 'dana', state: 'in_progress', dueDate: '2026-02-28', themes: ['slow delivery'] });
    await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'Checkout crash triage' });

    const response = await adminCall(app, 'GET', '/v1/surveys/demo/huddle?days=7&tz=Europe/Amsterdam');
    expect(response.statusCode).toBe(200);
    const digest = response.json();
    expect(digest).toMatchObject({
      surveyId: 'demo', days: 7, tz: 'Europe/Amsterdam',
      period: { from: '2026-02-23T00:00:00+01:00', to: '2026-03-02T00:00:00+01:00' },
      figure: { n: 30, nps: 66.7 }, previousFigure: { n: 20, nps: 0 },
      change: { difference: 66.7, significant: true, verdict: 'up' },
      segmentMovedMost: { by: 'touchpoint', value: 'checkout', previous: { nps: -100 }, current: { n: 15, nps: 33.3 } },
      loops: { open: 14, overdue: 14, slaHours: 48, openedInPeriod: 5, withinSla: { contactedInTime: 0, of: 5 } },
      questions: ['What did we learn from customers in this period?', 'Which improvement do we pick, and who owns it?', 'What do staff need to serve customers better?'],
    });
    // Counts say which set they count; the clearest quotes come first (the one with a link and markup last).
    expect(digest.themes.detractor[0]).toMatchObject({
      theme: 'slow delivery', mentions: { all: 4, detractors: 4, passives: 0, promoters: 0 }, nps: { n: 4, nps: -100 },
      quotes: ['Slow delivery of a broken item', 'Slow delivery and no updates'],
    });
    expect(digest.themes.promoter[0]).toMatchObject({ theme: 'friendly support', mentions: { all: 5, promoters: 5 } });
    expect(digest.actions.map((action: { title: string; owner: string | null; overdue: boolean }) => [action.title, action.owner, action.overdue]))
      .toEqual([['Fix delivery times', 'dana', true], ['Checkout crash triage', null, false]]);
  });

  it('renders Markdown for chat with every comment escaped', async () => {
    const app = await closeLoopApp();
    await seedTwoWeeks(app);
    // A theme whose only other comment is the hostile one, so it is quoted (clearer quotes come first).
    app.clock.set('2026-02-27T12:00:00Z');
    await ingestAt(app, { id: 'resp_huddle900', score: 2, touchpoint: 'gifts', comment: 'Gift wrapping was torn' });
    await ingestAt(app, { id: 'resp_huddle901', score: 2, touchpoint: 'gifts', comment: HOSTILE.replace('Slow delivery', 'Gift wrapping') });
    app.clock.set('2026-03-01T09:00:00Z');
    await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'Fix delivery times', owner: 'dana', state: 'in_progress' });
    const response = await adminCall(app, 'GET', '/v1/surveys/demo/huddle?format=md');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    const markdown = response.body;
    expect(markdown).toContain('### NPS huddle: Demo');
    expect(markdown).toContain('Last 7 days: 2026-02-23 to 2026-03-01 (UTC)');
    expect(markdown).toContain('**NPS +56.3 (n = 32, 95% interval');
    expect(markdown).toMatch(/Change \+56\.3 points is \*\*significant\*\* \(p = 0\.\d{3}\): the score went up\./);
    expect(markdown).toContain('**Moved most:** touchpoint checkout, −100.0 → +33.3 (n 10 → 15), significant.');
    expect(markdown).toContain('- slow delivery (4 detractors, 4 comments in all)\n  > Slow delivery of a broken item\n  > Slow delivery and no updates');
    expect(markdown).toContain('- gift wrapping (2 detractors, 2 comments in all)\n  > Gift wrapping was torn\n  > \\*\\*Gift wrapping\\*\\* @\u2060here \\<img src=x\\> \\[free\\](https://evil.example) \\# not a heading');
    expect(markdown).toContain('- [in progress, quick win] Fix delivery times, owner dana');
    expect(markdown).toContain('- …and 10 more overdue');
    expect(markdown).toContain('1. What did we learn from customers in this period?');
    expect(markdown).not.toContain('**Slow');
    expect(markdown).not.toContain('**Gift');
    // Markup is not a theme.
    expect(markdown).not.toContain('img src (');
    expect(markdown).not.toContain('@here');
    expect(markdown).not.toMatch(/(?<!\\)<img/);
    expect(markdown).not.toMatch(/(?<!\\)\]\(https/);
    expect(markdown).not.toMatch(/^# not a heading/m);
  });

  it.each([
    ['?tz=Mars/Olympus', 400], ['?days=0', 400], ['?days=93', 400], ['?format=pdf', 400], ['?days=1&tz=Asia/Kathmandu', 200],
  ])('answers %s with %i', async (query, status) => {
    const app = await closeLoopApp();
    const response = await adminCall(app, 'GET', `/v1/surveys/demo/huddle${query}`);
    expect(response.statusCode).toBe(status);
    if (status === 200) expect(response.json()).toMatchObject({ figure: { n: 0, nps: null }, change: { verdict: 'not enough data' }, segmentMovedMost: null });
  });

  it('404s for an unknown survey', async () => {
    const app = await closeLoopApp();
    expect((await adminCall(app, 'GET', '/v1/surveys/nope/huddle')).statusCode).toBe(404);
  });
});
