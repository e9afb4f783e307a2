import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createAnalyticsService } from '../../src/analytics/analytics-service.ts';
import { figureOf, summaryOf } from '../../src/analytics/figures.ts';
import type { AnalyticsFilter } from '../../src/db/analytics/analytics-filter.ts';
import { localBuckets } from '../../src/lib/time-buckets.ts';
import { dbExec, dbRows } from '../support/db-rows.ts';
import { addSurveys, analyticsDb, updateResponse, writeRows, type AnalyticsDb, type TestEvent, type TestResponse } from './analytics-fixture.ts';
import { oracleCounters } from './rollup-oracle.ts';

const DAY = 86_400_000;
// Windows around DST changes: St John's springs forward on 8 March 2026, Amsterdam on 29 March.
const WINDOWS = [Date.parse('2026-03-05T00:00:00Z'), Date.parse('2026-03-26T00:00:00Z'), Date.parse('2026-10-22T00:00:00Z')];
const SPAN = 8 * DAY;
const ZONES = ['UTC', 'Asia/Kathmandu', 'America/St_Johns', 'Europe/Amsterdam'];

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: null });
// Filters mostly leave a dimension out, so most cases are served by rollups rather than raw rows.
const rarely = <T>(arbitrary: fc.Arbitrary<T>) => fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary, weight: 1 });
const offset = fc.oneof(
  fc.integer({ min: 0, max: SPAN - 1 }),
  fc.integer({ min: 0, max: 8 * 24 * 4 - 1 }).map((quarter) => quarter * 900_000),
  fc.integer({ min: 0, max: 8 * 24 - 1 }).map((hour) => hour * 3_600_000 + 45 * 60_000),
);
const response = fc.record({
  score: fc.integer({ min: 0, max: 10 }),
  comment: maybe(fc.constantFrom('fast', 'slow delivery')),
  touchpoint: maybe(fc.constantFrom('checkout', 'support')),
  channel: maybe(fc.constantFrom('web', 'email')),
  locale: maybe(fc.constantFrom('en', 'nl')),
  journey: maybe(fc.constantFrom('buy')),
  properties: maybe(fc.record({ plan: fc.constantFrom('pro', 'free') })),
  at: offset,
});
const event = fc.record({ type: fc.constantFrom('shown' as const, 'dismissed' as const), touchpoint: maybe(fc.constantFrom('checkout', 'support')), channel: maybe(fc.constantFrom('web')), at: offset });
const update = fc.record({ index: fc.nat(), score: fc.integer({ min: 0, max: 10 }), comment: maybe(fc.constant('added later')) });
const filterArb = fc.record({
  from: maybe(offset),
  to: maybe(offset),
  touchpoint: rarely(fc.constantFrom('checkout', 'support')),
  channel: rarely(fc.constantFrom('web', 'email')),
  journey: rarely(fc.constantFrom('buy')),
  plan: rarely(fc.constantFrom('pro')),
});
const scenario = fc.record({
  window: fc.constantFrom(...WINDOWS),
  responses: fc.array(response, { maxLength: 40 }),
  events: fc.array(event, { maxLength: 15 }),
  updates: fc.array(update, { maxLength: 5 }),
  filter: filterArb,
  zone: fc.constantFrom(...ZONES),
  interval: fc.constantFrom('day' as const, 'week' as const, 'month' as const),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;
let run = 0;

/** Writes the scenario under a fresh survey id; returns the rows as finally stored and the filter. */
async function setUp(db: AnalyticsDb, s: Scenario) {
  const surveyId = `s${++run}`;
  await addSurveys(db, [surveyId]);
  const responses: TestResponse[] = s.responses.map((r, index) => ({ ...r, id: `${surveyId}_${index}`, surveyId, createdAt: s.window + r.at }));
  const events: TestEvent[] = s.events.map((e) => ({ ...e, surveyId, createdAt: s.window + e.at }));
  await writeRows(db, responses, events);
  for (const change of responses.length ? s.updates : []) {
    const target = responses[change.index % responses.length];
    await updateResponse(db, target.id!, { score: change.score, comment: change.comment });
    Object.assign(target, { score: change.score, comment: change.comment });
  }
  const filter: AnalyticsFilter = { surveyId, dims: {}, properties: [] };
  const ends = [s.filter.from, s.filter.to].map((value) => (value === null ? undefined : s.window + value));
  [filter.from, filter.to] = ends[0] !== undefined && ends[1] !== undefined && ends[0] > ends[1] ? [ends[1], ends[0]] : ends;
  for (const dim of ['touchpoint', 'channel', 'journey'] as const) if (s.filter[dim] !== null) filter.dims[dim] = s.filter[dim]!;
  if (s.filter.plan !== null) filter.properties.push(['plan', s.filter.plan]);
  return { responses, events, filter };
}

// 150 generated cases, each writing and reading a few hundred rows: on PostgreSQL every statement is a round
// trip, and a busy 2-core machine took 30 s there. The timeout only catches a hang.
const PROPERTY_TIMEOUT_MS = 180_000;

describe('rollup answers equal raw-row answers', () => {
  it('for summaries, trends in any zone, and segments', async () => {
    const db = await analyticsDb();
    const queries = createAnalyticsService(db.analytics);
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const { responses, events, filter } = await setUp(db, s);
        const eventsKnown = filter.dims.journey === undefined && filter.properties.length === 0;
        expect(await queries.summary(filter, 'nps')).toEqual(summaryOf('nps', oracleCounters(responses, events, filter, filter.from, filter.to), eventsKnown));

        const from = filter.from ?? s.window;
        const to = filter.to ?? s.window + SPAN;
        const expected = localBuckets(s.interval, s.zone, from, to).map((bucket) => ({
          start: bucket.label,
          ...figureOf('nps', oracleCounters(responses, events, filter, Math.max(from, bucket.start), Math.min(to, bucket.end))),
        }));
        expect((await queries.trend({ ...filter, from, to }, s.interval, s.zone, 'nps')).buckets.map(({ change: _change, ...bucket }) => bucket)).toEqual(expected);

        const segments = await queries.segmentCounts(filter, 'touchpoint');
        for (const value of ['checkout', 'support', null]) {
          const inSegment = responses.filter((r) => (r.touchpoint ?? null) === value);
          const counts = oracleCounters(inSegment, [], filter, filter.from, filter.to).slice(0, 11);
          const stored = segments.get(value ?? '')?.slice(0, 11) ?? new Array(11).fill(0);
          expect(stored, `segment ${value}`).toEqual(counts);
        }
      }),
      { numRuns: 150 },
    );
  }, PROPERTY_TIMEOUT_MS);

  it('and a rebuild from raw rows reproduces the rollups maintained write by write', async () => {
    const db = await analyticsDb();
    const nonZeroRows = () =>
      dbRows(db, `SELECT * FROM analytics_rollups WHERE s0+s1+s2+s3+s4+s5+s6+s7+s8+s9+s10+comments+prompted+shown+dismissed <> 0
        ORDER BY survey_id, grain, dim, value, bucket_start`);
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        // Each case starts empty so a rebuild reads only its rows.
        await dbExec(db, 'DELETE FROM responses; DELETE FROM events; DELETE FROM analytics_rollups; DELETE FROM analytics_rollup_pending;');
        await setUp(db, s);
        await db.analytics.fold();
        const maintained = await nonZeroRows();
        await db.rebuildRollups();
        expect(await nonZeroRows()).toEqual(maintained);
      }),
      { numRuns: 25 },
    );
  }, PROPERTY_TIMEOUT_MS);
});
