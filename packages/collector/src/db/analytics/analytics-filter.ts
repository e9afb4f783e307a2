/** Which responses a figure counts: a time range, single-value dimensions and custom properties. */

/** The dimensions every response carries as a column. */
export const FILTER_DIMENSIONS = ['touchpoint', 'channel', 'locale', 'journey'] as const;

/** A response column that can filter and segment. */
export type FilterDimension = (typeof FILTER_DIMENSIONS)[number];

/** `[from, to)` in UTC ms (open when absent), equal dimension values, equal custom properties. */
export interface AnalyticsFilter {
  surveyId: string;
  from?: number;
  to?: number;
  dims: Partial<Record<FilterDimension, string>>;
  properties: [name: string, value: string][];
}

/** Far past and far future, aligned to whole UTC days, standing in for an open range. */
export const OPEN_FROM = -8.64e15;
/** See OPEN_FROM. */
export const OPEN_TO = 8.64e15;

/** The one rollup row family that answers a filter (`*`, or one dimension's value), or null when only raw rows can. */
export function rollupSelector(filter: AnalyticsFilter): { dim: '*' | FilterDimension; value: string } | null {
  if (filter.properties.length > 0) return null;
  const dims = Object.entries(filter.dims) as [FilterDimension, string][];
  if (dims.length === 0) return { dim: '*', value: '' };
  if (dims.length === 1) return { dim: dims[0][0], value: dims[0][1] };
  return null;
}

/** Events carry touchpoint, channel and locale only: they can be counted under every filter but journeys and custom properties. */
export function eventsAttributable(filter: AnalyticsFilter): boolean {
  return filter.dims.journey === undefined && filter.properties.length === 0;
}
