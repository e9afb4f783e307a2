import { describe, expect, it } from 'vitest';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';

type App = Awaited<ReturnType<typeof closeLoopApp>>;

/** Answers of two teams over three weeks of March 2026 (Mondays 2, 9, 16), and one without a team. */
async function seedTeams(app: App) {
  const answers: [day: string, team: string | null, score: number, comment?: string][] = [
    ['03', 'Support Amsterdam', 3, 'Waited an hour on the phone'], ['04', 'Support Amsterdam', 9], ['05', 'Support Amsterdam', 10, 'Sam fixed it at once'],
    ['10', 'Support Amsterdam', 10, 'Quick answer by chat'], ['11', 'Support Amsterdam', 9],
    ['04', 'Support Utrecht', 2, 'Nobody called back'], ['12', 'Support Utrecht', 6, 'Slow'],
    ['12', null, 10, 'Love the shop'],
  ];
  for (const [index, [day, team, score, comment]] of answers.entries()) {
    app.clock.set(`2026-03-${day}T10:00:00Z`);
    await ingestAt(app, { id: `resp_team${String(index).padStart(3, '0')}`, score, comment, properties: team ? { team } : undefined });
  }
  app.clock.set('2026-03-17T09:00:00Z');
}

describe('coaching by team, not ranking', () => {
  it('lists team names only, and shows one team its own figure, weekly trend and customers\' stories', async () => {
    const app = await closeLoopApp();
    await seedTeams(app);
    const teams = await adminCall(app, 'GET', '/v1/surveys/demo/teams');
    expect(teams.statusCode).toBe(200);
    expect(teams.json()).toEqual({ surveyId: 'demo', property: 'team', teams: ['Support Amsterdam', 'Support Utrecht'] });

    const response = await adminCall(app, 'GET', `/v1/surveys/demo/teams/${encodeURIComponent('Support Amsterdam')}?days=28&tz=Europe/Amsterdam&stories=3`);
    expect(response.statusCode).toBe(200);
    const body = response.json();
    // 4 promoters and 1 detractor of 5: NPS +60, only this team's answers.
    expect(body).toMatchObject({ surveyId: 'demo', team: 'Support Amsterdam', property: 'team', metric: 'nps', tz: 'Europe/Amsterdam', figure: { n: 5, score: 60 } });
    expect(body.figure.interval).not.toBeNull();
    const weeks = body.trend.buckets.filter((bucket: { n: number }) => bucket.n > 0).map((bucket: { start: string; n: number; score: number }) => [bucket.start.slice(0, 10), bucket.n, bucket.score]);
    expect(weeks).toEqual([['2026-03-02', 3, 33.3], ['2026-03-09', 2, 100]]);
    expect(body.stories.map((story: { comment: string; group: string }) => [story.comment, story.group])).toEqual([
      ['Quick answer by chat', 'promoter'], ['Sam fixed it at once', 'promoter'], ['Waited an hour on the phone', 'detractor'],
    ]);
    expect(JSON.stringify(body)).not.toContain('Utrecht');
  });

  it.each([
    ['/v1/surveys/demo/segments?by=property.team', 'by: teams are not ranked against each other'],
    ['/v1/surveys/demo/compare?a.property.team=Support%20Amsterdam&b.property.team=Support%20Utrecht', 'b.property.team: teams are not ranked against each other'],
    ['/v1/surveys/demo/compare?a.property.team=Support%20Amsterdam', 'b.property.team: teams are not ranked against each other'],
    ['/v1/surveys/demo/teams/x?days=0', 'days: must be an integer from 1 to 366'],
    ['/v1/surveys/demo/teams/x?tz=Mars', 'tz: must be an IANA time zone'],
    ['/v1/surveys/demo/teams?stories=3', 'stories'],
  ])('GET %s answers 400', async (url, message) => {
    const app = await closeLoopApp();
    await seedTeams(app);
    const response = await adminCall(app, 'GET', url);
    expect(response.statusCode).toBe(400);
    expect(response.json().error.message).toContain(message);
  });

  it('still compares one team with itself over two periods', async () => {
    const app = await closeLoopApp();
    await seedTeams(app);
    const response = await adminCall(app, 'GET', '/v1/surveys/demo/compare?property.team=Support%20Amsterdam&aFrom=2026-03-02&aTo=2026-03-09&bFrom=2026-03-09&bTo=2026-03-16');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ a: { n: 3 }, b: { n: 2 } });
  });

  it('answers 404 for an unknown survey', async () => {
    const app = await closeLoopApp();
    expect((await adminCall(app, 'GET', '/v1/surveys/nope/teams/x')).statusCode).toBe(404);
  });
});
