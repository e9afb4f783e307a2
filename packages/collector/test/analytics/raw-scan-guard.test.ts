import { describe, expect, it } from 'vitest';
import { createAnalyticsQueries } from '../../src/analytics/analytics-queries.ts';
import { createAnalyticsService } from '../../src/analytics/analytics-service.ts';
import { analyticsDb, writeRows } from './analytics-fixture.ts';

const day = (date: string) => Date.parse(`${date}T12:00:00Z`);

describe('raw-row fallbacks', () => {
  it('refuse ranges holding more answers than the limit, naming the range to narrow', async () => {
    const db = await analyticsDb();
    await writeRows(db, ['2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04', '2026-01-05'].map((date, index) => ({
      score: index * 2, createdAt: day(date), touchpoint: 'checkout', channel: 'web', properties: { plan: index % 2 ? 'pro' : 'free' },
    })));
    await db.analytics.fold();
    const queries = createAnalyticsQueries(db.analytics, { rawScanLimit: 3 });
    const byPlan = { surveyId: 'demo', dims: {}, properties: [['plan', 'pro']] as [string, string][] };
    await expect(queries.summary(byPlan, 'nps')).rejects.toThrow('from: property filters and two dimensions at once are counted from the raw answers, and this range holds 5 (at most 3); narrow from/to');
    await expect(queries.segmentCounts({ surveyId: 'demo', dims: {}, properties: [] }, 'property.plan')).rejects.toThrow('this range holds 5');
    await expect(queries.summary({ surveyId: 'demo', dims: { touchpoint: 'checkout', channel: 'web' }, properties: [] }, 'nps')).rejects.toThrow('this range holds 5');
    // Narrowed, or answered by rollups, the same questions pass.
    expect(await queries.summary({ ...byPlan, from: day('2026-01-03'), to: day('2026-01-06') }, 'nps')).toMatchObject({ n: 1, nps: -100 });
    expect(await queries.summary({ surveyId: 'demo', dims: { touchpoint: 'checkout' }, properties: [] }, 'nps')).toMatchObject({ n: 5 });
    expect([...(await queries.segmentCounts({ surveyId: 'demo', dims: {}, properties: [], from: day('2026-01-04') }, 'property.plan')).keys()].sort()).toEqual(['free', 'pro']);

    const service = createAnalyticsService(db.analytics, { rawScanLimit: 3 });
    await expect(service.listResponses(byPlan, { limit: 10 }, 'nps')).rejects.toThrow('this range holds 5');
    await expect(service.themes(byPlan, null)).rejects.toThrow('this range holds 5');
    expect((await service.listResponses({ ...byPlan, from: day('2026-01-03') }, { limit: 10 }, 'nps')).responses.map((r) => r.score)).toEqual([6]);
    // A dimension value nobody answered with is known from the rollups: no scan at all.
    expect(await service.listResponses({ surveyId: 'demo', dims: { touchpoint: 'nowhere' }, properties: [] }, { limit: 10 }, 'nps')).toEqual({ responses: [], nextCursor: null });
    expect((await service.listResponses({ surveyId: 'demo', dims: { touchpoint: 'checkout' }, properties: [] }, { limit: 2 }, 'nps')).responses).toHaveLength(2);
  });
});
