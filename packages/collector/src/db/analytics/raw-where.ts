/** Conditions for an analytics filter over raw `responses` (aliased `r`) and `events` (aliased `e`) rows. */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DialectSql } from '../dialect.ts';
import { eventsAttributable, type AnalyticsFilter } from './analytics-filter.ts';

/**
 * Conditions on responses apart from survey and time; answers marked excluded (test answers) never count.
 * A property value matches its string, number or boolean form (`plan=pro`, `seats=3`, `trial=true`).
 */
export function responseConditions(dialectSql: DialectSql, filter: AnalyticsFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [sql<SqlBool>`r.excluded = 0`];
  for (const [dim, value] of Object.entries(filter.dims)) parts.push(sql<SqlBool>`${sql.ref(`r.${dim}`)} = ${value}`);
  for (const [name, value] of filter.properties) parts.push(dialectSql.propertyEquals('r.properties', name, value) as Expression<SqlBool>);
  return sql<SqlBool>`${sql.join(parts, sql` AND `)}`;
}

/** Conditions on events, or null when events cannot be attributed (journey, properties). */
export function eventConditions(filter: AnalyticsFilter): Expression<SqlBool> | null {
  if (!eventsAttributable(filter)) return null;
  const parts = Object.entries(filter.dims).map(([dim, value]) => sql<SqlBool>`${sql.ref(`e.${dim}`)} = ${value}`);
  return parts.length ? sql<SqlBool>`${sql.join(parts, sql` AND `)}` : sql<SqlBool>`1 = 1`;
}
