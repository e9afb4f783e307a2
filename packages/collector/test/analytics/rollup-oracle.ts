/** A plain-loop oracle: what the analytics answers must equal, computed from the rows a test wrote. */
import { COUNTER } from '../../src/db/rollups/rollup-delta.ts';
import type { AnalyticsFilter, FilterDimension } from '../../src/db/analytics/analytics-filter.ts';
import { emptyCounters, type Counters } from '../../src/db/analytics/counters.ts';
import type { TestEvent, TestResponse } from './analytics-fixture.ts';

const inRange = (at: number, from = -Infinity, to = Infinity) => at >= from && at < to;

/** True when a response passes the filter's dimensions and properties (time aside). */
export function responseMatches(response: TestResponse, filter: AnalyticsFilter): boolean {
  if ((response.surveyId ?? 'demo') !== filter.surveyId) return false;
  for (const [dim, value] of Object.entries(filter.dims)) if ((response[dim as FilterDimension] ?? null) !== value) return false;
  return filter.properties.every(([name, value]) => response.properties?.[name] !== undefined && String(response.properties[name]) === value);
}

/** Counters of the responses and events inside `[from, to)` that pass the filter. */
export function oracleCounters(responses: TestResponse[], events: TestEvent[], filter: AnalyticsFilter, from?: number, to?: number): Counters {
  const counters = emptyCounters();
  for (const response of responses) {
    if (!inRange(response.createdAt, from, to) || !responseMatches(response, filter)) continue;
    counters[response.score]++;
    if (response.comment != null) counters[COUNTER.comments]++;
    if (response.channel == null || response.channel === 'web' || response.channel === 'app') counters[COUNTER.prompted]++;
  }
  const eventsKnown = filter.dims.journey === undefined && filter.properties.length === 0;
  for (const event of eventsKnown ? events : []) {
    if ((event.surveyId ?? 'demo') !== filter.surveyId || !inRange(event.createdAt, from, to)) continue;
    if (Object.entries(filter.dims).some(([dim, value]) => (event[dim as 'touchpoint'] ?? null) !== value)) continue;
    counters[event.type === 'shown' ? COUNTER.shown : COUNTER.dismissed]++;
  }
  return counters;
}
