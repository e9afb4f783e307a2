import { describe, expect, it } from 'vitest';
import { wilsonPercent } from '../analytics/second-method.ts';
import { adminCall, closeLoopApp, ingestAt } from '../loops/close-loop-app.ts';

describe('the huddle digest of a CSAT survey', () => {
  it('shows the survey own metric: % satisfied with its interval, its change and what moved, in JSON and Markdown', async () => {
    const app = await closeLoopApp();
    expect((await adminCall(app, 'PATCH', '/v1/surveys/demo', { metric: 'csat' })).statusCode).toBe(200);
    let sequence = 0;
    const answer = async (at: string, score: number, touchpoint: string, comment?: string) => {
      app.clock.set(at);
      await ingestAt(app, { id: `resp_csat${String(++sequence).padStart(3, '0')}`, score, touchpoint, comment });
    };
    // Previous week: 10 answers, 4 satisfied; this week: 10 answers, 9 satisfied (all at checkout).
    for (let index = 0; index < 10; index++) await answer(`2026-02-17T1${index}:00:00Z`, index < 4 ? 5 : 2, 'checkout');
    const praise = ['Friendly driver', 'A friendly driver, thanks', 'Very friendly driver'];
    for (let index = 0; index < 10; index++) await answer(`2026-02-24T1${index}:00:00Z`, index < 9 ? 4 : 1, 'checkout', index < 3 ? praise[index] : undefined);
    app.clock.set('2026-03-01T09:00:00Z');

    const digest = (await adminCall(app, 'GET', '/v1/surveys/demo/huddle?days=7&tz=UTC')).json();
    const wilson = wilsonPercent(9, 10);
    expect(digest).toMatchObject({
      metric: 'csat',
      figure: { metric: 'csat', n: 10, score: 90, interval: { low: Math.round(wilson.low * 10) / 10, high: Math.round(wilson.high * 10) / 10, method: 'wilson' } },
      previousFigure: { metric: 'csat', n: 10, score: 40 },
      change: { metric: 'csat', test: 'two-proportion-z', difference: 50 },
      segmentMovedMost: { by: 'touchpoint', value: 'checkout', previous: { score: 40 }, current: { score: 90 } },
    });
    expect(digest.figure).not.toHaveProperty('nps');

    const markdown = (await adminCall(app, 'GET', '/v1/surveys/demo/huddle?days=7&tz=UTC&format=md')).body;
    expect(markdown).toContain('### CSAT huddle: Demo');
    expect(markdown).toMatch(/\*\*CSAT 90% \(n = 10, 95% interval \d+(\.\d)?% to \d+(\.\d)?%\)\*\*/);
    expect(markdown).toContain('checkout, 40% → 90%');
    // Its groups are the scale's own: satisfied (4–5) and dissatisfied (1–2), never promoters or detractors.
    expect(markdown).toContain('**What dissatisfied customers talk about:** no recurring themes yet.');
    expect(markdown).toContain('**What satisfied customers talk about**\n- friendly driver (3 satisfied customers, 3 comments in all)');
    expect(markdown).not.toMatch(/detractor|promoter/i);
  });
});
