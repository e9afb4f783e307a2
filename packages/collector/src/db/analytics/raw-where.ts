/** SQL conditions for an analytics filter over raw `responses` and `events` rows (pure query building). */
import type { AnalyticsFilter } from '../../analytics/filters.ts';

/** A WHERE fragment (joined with AND, never empty) and its parameters. */
export interface SqlCondition {
  sql: string;
  params: (string | number)[];
}

/** The JSON path of a custom property, quoted so any allowed name is safe. */
export function propertyPath(name: string): string {
  return `$."${name}"`;
}

/**
 * Conditions on responses aliased `r`, apart from survey and time; answers marked excluded
 * (test answers) never count. A property value matches its string, number or boolean form
 * (`plan=pro`, `seats=3`, `trial=true`).
 */
export function responseConditions(filter: AnalyticsFilter): SqlCondition {
  const parts = ['r.excluded = 0'];
  const params: (string | number)[] = [];
  for (const [dim, value] of Object.entries(filter.dims)) {
    parts.push(`r.${dim} = ?`);
    params.push(value);
  }
  for (const [name, value] of filter.properties) {
    parts.push('(r.properties -> ?) IN (json_quote(?), ?)');
    params.push(propertyPath(name), value, value);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}

/** Conditions on events aliased `e`, or null when events cannot be attributed (journey, properties). */
export function eventConditions(filter: AnalyticsFilter): SqlCondition | null {
  if (filter.dims.journey !== undefined || filter.properties.length > 0) return null;
  const parts: string[] = [];
  const params: string[] = [];
  for (const [dim, value] of Object.entries(filter.dims)) {
    parts.push(`e.${dim} = ?`);
    params.push(value);
  }
  return { sql: parts.length ? parts.join(' AND ') : '1', params };
}
