import { describe, expect, it } from 'vitest';
import { dbRows, heldInsert } from '../support/db-rows.ts';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';

type App = Awaited<ReturnType<typeof closeLoopApp>>;

/** A week of answers before 1 March 2026: slow-delivery detractors (one with an email) and friendly-support promoters. */
async function seedWeek(app: App) {
  const comments: [number, string, string?][] = [
    [2, 'Slow delivery, the parcel took two weeks', 'ann@example.com'], [3, 'Slow delivery and no tracking updates'], [1, 'Slow delivery again'],
    [10, 'Friendly support, solved at once'], [9, 'Friendly support team'], [8, 'Fine'],
  ];
  for (const [index, [score, comment, email]] of comments.entries()) {
    app.clock.set(`2026-02-2${4 + (index % 4)}T10:00:00Z`);
    await ingestAt(app, { id: `resp_week${index}`, score, comment, respondent: email ? { email } : undefined });
  }
  app.clock.set('2026-03-01T09:00:00Z');
}

const start = (app: App, body: object = {}) => adminCall(app, 'POST', '/v1/surveys/demo/huddles', body);

describe('a huddle the team runs and keeps', () => {
  it('starts on the digest, keeps notes and actions, closes, and the next one opens with last time\'s actions and where each stands', async () => {
    const app = await closeLoopApp();
    await seedWeek(app);
    const started = await start(app, { days: 7, tz: 'Europe/Amsterdam', attendees: ['Dana', 'Eve'] });
    expect(started.statusCode).toBe(201);
    const huddle = started.json();
    expect(huddle).toMatchObject({
      id: expect.stringMatching(/^hud_[0-9a-f]{16}$/), surveyId: 'demo', state: 'open', startedAt: '2026-03-01T09:00:00.000Z', closedAt: null,
      days: 7, tz: 'Europe/Amsterdam', attendees: ['Dana', 'Eve'], learned: null, actions: [], previous: null,
      digest: { figure: { n: 6, nps: -16.7 }, themes: { detractor: [{ theme: 'slow delivery', mentions: { detractors: 3 } }] } },
    });
    expect(huddle.digest.themes.detractor[0].quotes).toHaveLength(2);
    expect(await dbRows(app, 'SELECT survey_id, days, tz, closed_at FROM huddles')).toEqual([{ survey_id: 'demo', days: 7, tz: 'Europe/Amsterdam', closed_at: null }]);

    const again = await start(app);
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toEqual({ code: 'huddle_open', message: `surveyId: huddle "${huddle.id}" of survey "demo" is still open; close it first` });

    const noted = await adminCall(app, 'PATCH', `/v1/huddles/${huddle.id}`, { learned: 'Parcels wait two days at the depot', staffNeeds: 'Tracking links in the support tool', attendees: ['Dana', 'Eve', 'Sam'] });
    expect(noted.statusCode).toBe(200);
    expect(noted.json()).toMatchObject({ attendees: ['Dana', 'Eve', 'Sam'], learned: 'Parcels wait two days at the depot', staffNeeds: 'Tracking links in the support tool', decisions: null });
    const action = (await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'Ship from the second depot', owner: 'Dana', huddleId: huddle.id, themes: ['slow delivery'] })).json();
    expect(action.huddleId).toBe(huddle.id);
    await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'Made outside any huddle' });
    await adminCall(app, 'PATCH', `/v1/huddles/${huddle.id}`, { decisions: 'Try the second depot for a week' });

    app.clock.set('2026-03-01T09:25:00Z');
    const closed = await adminCall(app, 'POST', `/v1/huddles/${huddle.id}/close`);
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ state: 'closed', closedAt: '2026-03-01T09:25:00.000Z', decisions: 'Try the second depot for a week', actions: [{ title: 'Ship from the second depot' }] });
    for (const [method, url, body, code] of [
      ['PATCH', `/v1/huddles/${huddle.id}`, { learned: 'late' }, 'huddle_closed'],
      ['POST', `/v1/huddles/${huddle.id}/close`, undefined, 'huddle_closed'],
      ['POST', '/v1/actions', { surveyId: 'demo', title: 'Too late', huddleId: huddle.id }, 'huddle_closed'],
    ] as const) {
      const refused = await adminCall(app, method, url, body);
      expect(refused.statusCode, url).toBe(409);
      expect(refused.json().error.code).toBe(code);
    }

    // A week on: the action moved, more answers came; the first huddle still shows the figures it was held on.
    app.clock.set('2026-03-05T10:00:00Z');
    await adminCall(app, 'PATCH', `/v1/actions/${action.id}`, { state: 'in_progress' });
    await ingestAt(app, { id: 'resp_later', score: 10, comment: 'Fast delivery this time' });
    app.clock.set('2026-03-08T09:00:00Z');
    const next = (await start(app, { attendees: ['Dana'] })).json();
    expect(next.previous).toMatchObject({ id: huddle.id, startedAt: '2026-03-01T09:00:00.000Z', decisions: 'Try the second depot for a week', actions: [{ title: 'Ship from the second depot', state: 'in_progress', owner: 'Dana' }] });
    expect(next.digest.figure).toMatchObject({ n: 1, nps: 100 });
    expect((await adminCall(app, 'GET', `/v1/huddles/${huddle.id}`)).json().digest.figure).toMatchObject({ n: 6, nps: -16.7 });

    const history = (await adminCall(app, 'GET', '/v1/surveys/demo/huddles')).json();
    expect(history.huddles.map((item: { id: string; state: string; actions: number; figure: { n: number } }) => [item.id, item.state, item.actions, item.figure.n]))
      .toEqual([[next.id, 'open', 0, 1], [huddle.id, 'closed', 1, 6]]);
    const older = (await adminCall(app, 'GET', '/v1/surveys/demo/huddles?before=2026-03-08T09:00:00Z')).json();
    expect(older.huddles.map((item: { id: string }) => item.id)).toEqual([huddle.id]);
  });

  it('starts one huddle when two are started at the same instant: the other gets 409 huddle_open, on every engine', async () => {
    const app = await closeLoopApp();
    await seedWeek(app);
    const answers = await Promise.all([start(app, { attendees: ['Dana'] }), start(app, { attendees: ['Eve'] })]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([201, 409]);
    const started = answers.find((answer) => answer.statusCode === 201)!.json();
    expect(answers.find((answer) => answer.statusCode === 409)!.json().error)
      .toEqual({ code: 'huddle_open', message: `surveyId: huddle "${started.id}" of survey "demo" is still open; close it first` });
    expect(await dbRows(app, 'SELECT id, closed_at FROM huddles')).toEqual([{ id: started.id, closed_at: null }]);
  });

  it('answers 409, not 500, when another process\'s start commits while this one is inserting', async () => {
    const app = await closeLoopApp();
    await seedWeek(app);
    // Another process has inserted its huddle and not yet committed: this start's insert meets it on the unique index.
    const other = await heldInsert(app, "INSERT INTO huddles (id, survey_id, days, tz, snapshot, started_at, updated_at) VALUES ('hud_00000000000000aa', 'demo', 7, 'UTC', '{}', 1, 1)");
    const answer = start(app);
    await other.untilWaitedOn();
    await other.commit();
    const refused = await answer;
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toEqual({ code: 'huddle_open', message: 'surveyId: huddle "hud_00000000000000aa" of survey "demo" is still open; close it first' });
    expect(await dbRows(app, 'SELECT id FROM huddles')).toEqual([{ id: 'hud_00000000000000aa' }]);
  });

  it('gives Markdown for the team\'s chat, every note escaped', async () => {
    const app = await closeLoopApp();
    await seedWeek(app);
    const first = (await start(app, { attendees: ['Dana'] })).json();
    await adminCall(app, 'POST', '/v1/actions', { surveyId: 'demo', title: 'Ship from the second depot', owner: 'Dana', dueDate: '2026-03-06', huddleId: first.id });
    await adminCall(app, 'POST', `/v1/huddles/${first.id}/close`);
    app.clock.set('2026-03-08T09:00:00Z');
    const second = (await start(app, { attendees: ['Dana', '@here'] })).json();
    await adminCall(app, 'PATCH', `/v1/huddles/${second.id}`, { learned: 'Depot **two** is faster\nTracking still missing', decisions: null });
    const response = await adminCall(app, 'GET', `/v1/huddles/${second.id}?format=md`);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(response.body).toBe([
      '### Huddle 2026-03-08: Demo (open)',
      'Attendees: Dana, @\u2060here',
      'NPS over the last 7 days: no answers, against the 7 days before: no comparison.',
      '',
      '**What we learned**',
      '> Depot \\*\\*two\\*\\* is faster',
      '> Tracking still missing',
      '',
      '**What staff need:** not noted.',
      '',
      '**Decisions:** not noted.',
      '',
      '**Actions from this huddle:** none.',
      '',
      '**Promised at the huddle of 2026-03-01, where each stands**',
      '- [proposed, quick win] Ship from the second depot, owner Dana, due 2026-03-06 (overdue)',
      '',
    ].join('\n'));
  });

  it('keeps no copy of a quoted comment: an erased respondent\'s words leave every huddle', async () => {
    const app = await closeLoopApp();
    await seedWeek(app);
    const huddle = (await start(app)).json();
    const quoted = huddle.digest.themes.detractor[0].quotes;
    expect(quoted).toContain('Slow delivery, the parcel took two weeks');
    const snapshot = (await dbRows(app, 'SELECT snapshot FROM huddles'))[0].snapshot as string;
    expect(snapshot).not.toContain('parcel took two weeks');
    expect(snapshot).toContain('resp_week0');

    const erased = await adminCall(app, 'DELETE', '/v1/respondents?email=ann%40example.com');
    expect(erased.statusCode).toBe(200);
    expect(erased.json()).toMatchObject({ erased: { responses: 1 } });
    const after = (await adminCall(app, 'GET', `/v1/huddles/${huddle.id}`)).json();
    expect(after.digest.themes.detractor[0].quotes).not.toContain('Slow delivery, the parcel took two weeks');
    expect(after.digest.themes.detractor[0].quotes.length).toBe(quoted.length - 1);
    // The figures are kept as they were when the huddle was held.
    expect(after.digest.figure).toEqual(huddle.digest.figure);
  });

  it.each([
    ['POST', '/v1/surveys/demo/huddles', { days: 0 }, 400, 'days: must be a whole number of days from 1 to 92'],
    ['POST', '/v1/surveys/demo/huddles', { tz: 'Mars/Olympus' }, 400, 'tz: must be an IANA time zone'],
    ['POST', '/v1/surveys/demo/huddles', { attendees: Array.from({ length: 51 }, (_, index) => `p${index}`) }, 400, 'attendees: must have at most 50 names'],
    ['POST', '/v1/surveys/demo/huddles', { colour: 'red' }, 400, 'colour'],
    ['POST', '/v1/surveys/nope/huddles', {}, 404, 'nope'],
    ['GET', '/v1/huddles/hud_0123456789abcdef', undefined, 404, 'no huddle with id "hud_0123456789abcdef"'],
    ['GET', '/v1/huddles/123', undefined, 400, 'id: must be a huddle id (hud_…)'],
    ['PATCH', '/v1/huddles/hud_0123456789abcdef', {}, 400, 'must change at least one of attendees, learned, staffNeeds, decisions'],
    ['GET', '/v1/surveys/demo/huddles?limit=0', undefined, 400, 'limit: must be a whole number from 1 to 100'],
    ['POST', '/v1/actions', { surveyId: 'demo', title: 'x', huddleId: 'hud_0123456789abcdef' }, 400, 'huddleId: no huddle of survey "demo" with id "hud_0123456789abcdef"'],
  ] as const)('%s %s %j answers %i', async (method, url, body, status, message) => {
    const app = await closeLoopApp();
    const response = await adminCall(app, method, url, body);
    expect(response.statusCode).toBe(status);
    expect(response.json().error.message).toContain(message);
    expect(await dbRows(app, 'SELECT id FROM huddles')).toEqual([]);
  });
});
