/** Recomputes the rollups (and the comment index) from the raw rows, for `npsloop rollups rebuild`. */
import { sql } from 'kysely';
import type { Dialect } from '../dialect.ts';
import { RollupDeltas } from './rollup-delta.ts';
import { eventFacts, responseFacts } from './rollup-facts.ts';
import { flushRollupDeltas, type RollupUpsert } from './rollup-writer.ts';

const PAGE = 50_000;

/**
 * Replaces every rollup row with sums recomputed from `responses` and `events` in one transaction
 * (readers see the old rollups until it commits), and rebuilds the comment index. Rows are read in
 * keyset pages by id; resolves to how many raw rows were read.
 */
export async function rebuildRollups(dialect: Dialect, upsert: RollupUpsert, onProgress?: (rowsRead: number) => void): Promise<{ responses: number; events: number }> {
  const counts = { responses: 0, events: 0 };
  await dialect.withBulkCache(() => dialect.transaction(async (tx) => {
    await tx.db.deleteFrom('analytics_rollups').execute();
    // Pending deltas describe raw rows this rebuild reads anyway.
    await tx.db.deleteFrom('analytics_rollup_pending').execute();
    const deltas = new RollupDeltas();
    for (let after = ''; ;) {
      // `comment` is read as a flag so the scan does not load comment text.
      const rows = await tx.db.selectFrom('responses')
        .select(['id', 'survey_id', 'score', sql<string | null>`CASE WHEN comment IS NULL THEN NULL ELSE '' END`.as('comment'),
          'touchpoint', 'channel', 'locale', 'journey', 'created_at', 'excluded'])
        .where('id', '>', after).orderBy('id').limit(PAGE).execute();
      if (rows.length === 0) break;
      for (const row of rows) deltas.addResponseChange(null, responseFacts(row));
      after = rows[rows.length - 1].id;
      counts.responses += rows.length;
      await flushRollupDeltas(tx, upsert, deltas);
      onProgress?.(counts.responses);
    }
    for (let after = ''; ;) {
      const rows = await tx.db.selectFrom('events').select(['id', 'survey_id', 'type', 'touchpoint', 'channel', 'locale', 'created_at'])
        .where('id', '>', after).orderBy('id').limit(PAGE).execute();
      if (rows.length === 0) break;
      for (const row of rows) {
        const facts = eventFacts(row);
        if (facts) deltas.addEvent(facts);
      }
      after = rows[rows.length - 1].id;
      counts.events += rows.length;
      await flushRollupDeltas(tx, upsert, deltas);
      onProgress?.(counts.responses + counts.events);
    }
    await dialect.rebuildCommentIndex(tx);
  }));
  return counts;
}

/** How many rollup rows there are. */
export async function countRollupRows(dialect: Dialect): Promise<number> {
  const row = await dialect.db.selectFrom('analytics_rollups').select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow();
  return Number(row.count);
}
