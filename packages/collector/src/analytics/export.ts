/** Streams responses as CSV or NDJSON in constant memory: keyset pages, oldest first. */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Metric } from '@npsloop/core';
import type { AnalyticsFilter } from '../db/analytics/analytics-filter.ts';
import type { ResponseList, ResponsePosition } from '../db/analytics/response-list.ts';
import { csvLine } from './csv.ts';
import { RESPONSE_FIELDS, responseView } from './response-view.ts';

/** Export formats. */
export type ExportFormat = 'csv' | 'ndjson';

const PAGE_SIZE = 1000;

/**
 * The export as text chunks, one page of rows at a time; the event loop gets a turn between pages, so writes
 * are never blocked behind a long download. `onRows` hears each page's row count.
 */
export async function* exportResponses(
  responses: ResponseList, filter: AnalyticsFilter, format: ExportFormat, metric: Metric, onRows?: (rows: number) => void,
): AsyncGenerator<string> {
  if (format === 'csv') yield csvLine(RESPONSE_FIELDS);
  for (let after: ResponsePosition | null = null; ;) {
    const page = await responses.exportPage(filter, after, PAGE_SIZE);
    if (page.length === 0) return;
    let chunk = '';
    for (const response of page) {
      const view = responseView(response, metric);
      chunk += format === 'csv' ? csvLine(RESPONSE_FIELDS.map((field) => view[field])) : `${JSON.stringify(view)}\n`;
    }
    yield chunk;
    onRows?.(page.length);
    const last = page[page.length - 1];
    after = { createdAt: last.createdAt, id: last.id };
    await yieldToEventLoop();
  }
}
