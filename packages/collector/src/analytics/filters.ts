/** The analytics filter parsed from a query string: time range, single-value dimensions and custom properties. */
import { z } from 'zod';
import { FILTER_DIMENSIONS, type AnalyticsFilter } from '../db/analytics/analytics-filter.ts';
import { isTimeZone } from '../lib/time-zone.ts';
import { parseIsoInstant } from './time-input.ts';

/** A bounded query-string value (every incoming string has a maximum length). */
export const queryText = (max: number) => z.string().max(max, { error: `must be at most ${max} characters` });

/** A dimension value in a query: a bounded slug. */
export const dimValue = queryText(64).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, { error: 'must be a slug such as "checkout"' });
const PROPERTY_KEY = /^property\.([A-Za-z0-9_.-]{1,40})$/;
/** Extra keys a route accepts beyond its shape: `property.NAME`, optionally behind a side prefix (`a.`, `b.`). */
const propertyKeyPattern = (prefixes: readonly string[]) =>
  new RegExp(`^(?:${prefixes.map((prefix) => prefix.replace('.', '\\.')).join('|')})property\\.[A-Za-z0-9_.-]{1,40}$`);
const MAX_PROPERTY_FILTERS = 5;

/** Query keys shared by every analytics route. */
export const filterShape = {
  from: queryText(40).optional(),
  to: queryText(40).optional(),
  touchpoint: dimValue.optional(),
  channel: dimValue.optional(),
  locale: queryText(35).regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}$/, { error: 'must be a language tag such as "nl-BE"' }).optional(),
  journey: dimValue.optional(),
  tz: queryText(64).refine(isTimeZone, { error: 'must be an IANA time zone such as "Europe/Amsterdam"' }).optional(),
};

/** A zod query schema: the filter keys, the route's own keys, `property.NAME` keys; anything else is a 400. */
export function analyticsQuerySchema<Shape extends z.ZodRawShape>(shape: Shape, propertyPrefixes: readonly string[] = ['']) {
  const known = new Set([...Object.keys(filterShape), ...Object.keys(shape)]);
  const propertyKey = propertyKeyPattern(propertyPrefixes);
  return z
    .object({ ...filterShape, ...shape })
    .catchall(queryText(200))
    .superRefine((query, context) => {
      let properties = 0;
      for (const key of Object.keys(query)) {
        if (known.has(key)) continue;
        if (!propertyKey.test(key)) context.addIssue({ code: 'custom', path: [key], message: 'unknown parameter' });
        else if (++properties > MAX_PROPERTY_FILTERS) context.addIssue({ code: 'custom', path: [key], message: `at most ${MAX_PROPERTY_FILTERS} property filters` });
      }
      const zone = typeof query.tz === 'string' && isTimeZone(query.tz) ? query.tz : 'UTC';
      const timeKeys = Object.keys(query).filter((key) => /^(from|to|[ab]From|[ab]To)$/.test(key));
      for (const key of timeKeys) {
        const text = query[key];
        if (typeof text === 'string' && parseIsoInstant(text, zone) === null) {
          context.addIssue({ code: 'custom', path: [key], message: 'must be an ISO 8601 date (2026-01-31) or date-time (2026-01-31T12:00:00Z)' });
        }
      }
      for (const [fromKey, toKey] of [['from', 'to'], ['aFrom', 'aTo'], ['bFrom', 'bTo']]) {
        const from = typeof query[fromKey] === 'string' ? parseIsoInstant(query[fromKey] as string, zone) : null;
        const to = typeof query[toKey] === 'string' ? parseIsoInstant(query[toKey] as string, zone) : null;
        if (from !== null && to !== null && to <= from) context.addIssue({ code: 'custom', path: [toKey], message: `must be later than ${fromKey}` });
      }
    });
}

/**
 * The filter a validated query describes. With a side (`a`, `b`), that side's
 * keys (`aFrom`, `a.touchpoint`, `a.property.NAME`) override the shared ones.
 */
export function filterFromQuery(surveyId: string, query: Record<string, unknown>, side?: 'a' | 'b'): AnalyticsFilter {
  const zone = typeof query.tz === 'string' ? query.tz : 'UTC';
  const text = (key: string) => (typeof query[key] === 'string' ? (query[key] as string) : undefined);
  const filter: AnalyticsFilter = { surveyId, dims: {}, properties: [] };
  const from = (side && text(`${side}From`)) ?? text('from');
  const to = (side && text(`${side}To`)) ?? text('to');
  if (from !== undefined) filter.from = parseIsoInstant(from, zone) ?? undefined;
  if (to !== undefined) filter.to = parseIsoInstant(to, zone) ?? undefined;
  for (const dim of FILTER_DIMENSIONS) {
    const value = (side && text(`${side}.${dim}`)) ?? text(dim);
    if (value !== undefined) filter.dims[dim] = value;
  }
  const properties = new Map<string, string>();
  for (const prefix of side ? ['', `${side}.`] : ['']) {
    for (const [key, value] of Object.entries(query)) {
      const match = key.startsWith(prefix) ? PROPERTY_KEY.exec(key.slice(prefix.length)) : null;
      if (match && typeof value === 'string') properties.set(match[1], value);
    }
  }
  filter.properties = [...properties];
  return filter;
}
