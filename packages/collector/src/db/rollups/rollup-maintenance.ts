/**
 * Rollups kept in step with the raw rows. Each transaction that writes responses or events stores its
 * 15-minute deltas as one row of the pending table (one page written, where upserting every grain and
 * dimension would dirty dozens), so rollups and raw rows commit or vanish together. `foldPendingDeltas`
 * later moves pending deltas into the rollups in a transaction of its own; analytics reads fold first,
 * so their answers are exact.
 */
import type { Dialect } from '../dialect.ts';
import type { QueryTemplate, TransactionExecutor } from '../executor.ts';
import { RollupDeltas, type RollupDimension } from './rollup-delta.ts';
import type { RollupRecorder } from './rollup-recorder.ts';
import { flushRollupDeltas, type RollupUpsert } from './rollup-writer.ts';

type PendingQuarter = [surveyId: string, bucketStart: number, dim: RollupDimension, value: string, ...counters: number[]];

/** Stores what the recorder holds as one pending row: the transaction's last statement, sent with its commit. */
export async function storePendingDeltas(tx: TransactionExecutor, insertPending: QueryTemplate<'deltas'>, recorder: RollupRecorder): Promise<boolean> {
  const quarters = recorder.drainQuarters();
  if (quarters.length === 0) return false;
  const deltas = JSON.stringify(quarters.map((quarter): PendingQuarter => [quarter.surveyId, quarter.bucketStart, quarter.dim, quarter.value, ...quarter.counters]));
  await tx.runAtCommit(insertPending, { deltas });
  return true;
}

/** Moves every pending delta into the rollups in one transaction; resolves to how many pending rows it folded. */
export async function foldPendingDeltas(dialect: Dialect, templates: { anyPending: QueryTemplate<never>; upsert: RollupUpsert }): Promise<number> {
  // A cheap look first: most reads find nothing to fold and must not take the write lock.
  if (!(await dialect.root.first(templates.anyPending, {}))) return 0;
  return dialect.transaction(async (tx) => {
    // Taken by deleting them: exactly the rows this transaction removed are folded, even with other processes
    // folding at the same time (a concurrent fold waits for this one's rows, then finds them gone).
    const rows = await tx.db.deleteFrom('analytics_rollup_pending').returning('deltas').execute();
    if (rows.length === 0) return 0;
    const folded = new RollupDeltas();
    for (const row of rows) {
      folded.addQuarters((JSON.parse(row.deltas) as PendingQuarter[])
        .map(([surveyId, bucketStart, dim, value, ...counters]) => ({ surveyId, bucketStart, dim, value, counters })));
    }
    await flushRollupDeltas(tx, templates.upsert, folded);
    return rows.length;
  });
}
