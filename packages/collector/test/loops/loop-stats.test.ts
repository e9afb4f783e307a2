import { describe, expect, it } from 'vitest';
import { durationFigure, quantile, withinSla } from '../../src/loops/loop-stats.ts';
import { adminCall, closeLoopApp, ingestAt } from './close-loop-app.ts';

const HOUR = 3_600_000;

describe('SLA maths', () => {
  it.each([
    { values: [], q: 0.5, expected: null },
    { values: [7], q: 0.9, expected: 7 },
    { values: [1, 2, 3, 4], q: 0.5, expected: 2.5 },
    { values: [1, 2, 3, 4, 5], q: 0.5, expected: 3 },
    { values: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], q: 0.9, expected: 90 },
    { values: [1, 2], q: 0.9, expected: 1.9 },
  ])('quantile $q of $values is $expected', ({ values, q, expected }) => {
    const result = quantile(values, q);
    if (expected === null) expect(result).toBeNull();
    else expect(result).toBeCloseTo(expected, 9);
  });

  it('reports durations in hours with one decimal', () => {
    expect(durationFigure([3 * HOUR, 1 * HOUR, 2 * HOUR, 30 * HOUR])).toEqual({ n: 4, medianHours: 2.5, p90Hours: 21.9 });
    expect(durationFigure([])).toEqual({ n: 0, medianHours: null, p90Hours: null });
  });

  it('counts only loops whose SLA outcome is known', () => {
    const now = 100 * HOUR;
    const loops = [
      { state: 'contacted', openedAt: 0, firstContactAt: 10 * HOUR, resolvedAt: null },  // in time
      { state: 'resolved', openedAt: 0, firstContactAt: 60 * HOUR, resolvedAt: 70 * HOUR }, // late
      { state: 'open', openedAt: 0, firstContactAt: null, resolvedAt: null },             // overdue: late
      { state: 'open', openedAt: 90 * HOUR, firstContactAt: null, resolvedAt: null },     // still within its window
      { state: 'closed', openedAt: 0, firstContactAt: null, resolvedAt: null },           // closed without contact
    ];
    expect(withinSla(loops, 48, now)).toEqual({ slaHours: 48, contactedInTime: 1, of: 3, share: 0.333 });
  });
});

describe('GET /v1/surveys/:id/loops/stats', () => {
  it('computes open count, time to first contact and resolution, SLA share and overdue list with a fake clock', async () => {
    const app = await closeLoopApp();
    const start = app.clock.now();
    // Five detractors an hour apart; contacts after 2, 4, 6 and 60 hours; the fifth never contacted.
    const contactAfter = [2, 4, 6, 60];
    for (let index = 0; index < 5; index++) {
      app.clock.set(new Date(start + index * HOUR).toISOString());
      await ingestAt(app, { id: `resp_stats0${index}`, score: index });
    }
    for (const [index, hours] of contactAfter.map((hours, index) => [index, hours] as const).sort((a, b) => a[1] + a[0] - (b[1] + b[0]))) {
      app.clock.set(new Date(start + (index + hours) * HOUR).toISOString());
      expect((await adminCall(app, 'PATCH', `/v1/responses/resp_stats0${index}`, { status: 'contacted' })).statusCode).toBe(200);
    }
    app.clock.set(new Date(start + 70 * HOUR).toISOString());
    await adminCall(app, 'PATCH', '/v1/responses/resp_stats00', { status: 'resolved' }); // 70 h after opening
    await adminCall(app, 'PATCH', '/v1/responses/resp_stats01', { status: 'resolved' }); // 69 h after opening
    const stats = (await adminCall(app, 'GET', '/v1/surveys/demo/loops/stats')).json();
    expect(stats).toMatchObject({
      surveyId: 'demo', open: 1, byState: { open: 1, contacted: 2, resolved: 2, closed: 0 },
      timeToFirstContact: { n: 4, medianHours: 5, p90Hours: 43.8 },
      timeToResolution: { n: 2, medianHours: 69.5, p90Hours: 69.9 },
      withinSla: { slaHours: 48, contactedInTime: 3, of: 5, share: 0.6 },
    });
    expect(stats.overdue.map((loop: { responseId: string }) => loop.responseId)).toEqual(['resp_stats04']);

    await adminCall(app, 'PATCH', '/v1/surveys/demo/loop-settings', { slaHours: 72 });
    const relaxed = (await adminCall(app, 'GET', '/v1/surveys/demo/loops/stats')).json();
    expect(relaxed.withinSla).toEqual({ slaHours: 72, contactedInTime: 4, of: 4, share: 1 });
    expect(relaxed.overdue).toEqual([]);
    expect((await adminCall(app, 'GET', '/v1/surveys/nope/loops/stats')).statusCode).toBe(404);
  });
});
