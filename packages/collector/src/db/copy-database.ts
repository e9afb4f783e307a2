/**
 * Copies an installation's database into another, SQLite ↔ PostgreSQL: every table, a page at a time in
 * primary-key order, in one transaction on the target (a failed copy leaves it empty), then counted on both.
 */
import type { Dialect } from './dialect.ts';
import type { Schema } from './schema.ts';

/** The tables copied, parents before children; their primary-key columns give the page order. */
export const COPIED_TABLES = {
  surveys: ['id'],
  api_keys: ['id'],
  responses: ['id'],
  events: ['id'],
  loop_settings: ['survey_id'],
  loops: ['response_id'],
  loop_notes: ['id'],
  webhooks: ['id'],
  webhook_deliveries: ['id'],
  huddles: ['id'],
  actions: ['id'],
  action_responses: ['action_id', 'response_id'],
  link_secrets: ['id'],
  survey_links: ['id'],
  invitation_runs: ['id'],
  invitations: ['run_id', 'email'],
  unsubscribes: ['email_hash'],
  privacy_settings: ['id'],
  analytics_rollups: ['survey_id', 'grain', 'dim', 'value', 'bucket_start'],
} as const satisfies Partial<Record<keyof Schema, readonly string[]>>;

/** A copied table's name. */
export type CopiedTable = keyof typeof COPIED_TABLES;

/** Rows per table on one side. */
export type TableCounts = Record<CopiedTable, number>;

// Rows read and inserted at a time: 17 columns × 500 stays under both engines' limits on bound values.
const PAGE = 500;

/** How many rows each copied table holds, plus pending rollup deltas. */
export async function countTables(dialect: Dialect): Promise<TableCounts & { analytics_rollup_pending: number }> {
  const counts = {} as TableCounts & { analytics_rollup_pending: number };
  for (const table of [...Object.keys(COPIED_TABLES), 'analytics_rollup_pending'] as (CopiedTable | 'analytics_rollup_pending')[]) {
    const row = await dialect.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
    counts[table] = Number(row.count);
  }
  return counts;
}

type Row = Record<string, unknown>;

/** One page of a table after `after` (the last row's key values), in primary-key order. */
async function page(dialect: Dialect, table: CopiedTable, after: unknown[] | null): Promise<Row[]> {
  const key = COPIED_TABLES[table] as readonly string[];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the table and its key columns are chosen at run time
  let query = (dialect.db as any).selectFrom(table).selectAll();
  if (after) {
    query = key.length === 1
      ? query.where(key[0], '>', after[0])
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      : query.where((eb: any) => eb(eb.refTuple(...key), '>', eb.tuple(...after)));
  }
  for (const column of key) query = query.orderBy(column);
  return query.limit(PAGE).execute();
}

/**
 * Copies every table from `source` into `target` in one transaction on the target; the target must be empty
 * and the source's rollup deltas folded (no pending rows). `onProgress` hears each table's rows as they go.
 */
export async function copyTables(source: Dialect, target: Dialect, onProgress?: (table: CopiedTable, rows: number) => void): Promise<void> {
  await target.transaction(async (tx) => {
    for (const table of Object.keys(COPIED_TABLES) as CopiedTable[]) {
      const key = COPIED_TABLES[table] as readonly string[];
      let copied = 0;
      for (let after: unknown[] | null = null; ;) {
        const rows = await page(source, table, after);
        if (rows.length === 0) break;
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        await (tx.db as any).insertInto(table).values(rows).execute();
        copied += rows.length;
        onProgress?.(table, copied);
        const last = rows[rows.length - 1];
        after = key.map((column) => last[column]);
      }
    }
  });
}
