/**
 * The write path's hook. Each write batch stores its rollup deltas as one row
 * of the pending table inside the batch transaction (one page written, where
 * upserting every grain and dimension would dirty dozens), so rollups and raw
 * rows commit or vanish together. `fold` later moves pending deltas into the
 * rollups in a transaction of its own; readers fold first, so answers are exact.
 */
import type { Database } from 'better-sqlite3';
import { RollupDeltas, type RollupDelta, type RollupDimension } from './rollup-delta.ts';
import { eventFacts, responseFacts, type EventFactsRow, type ResponseFactsRow } from './rollup-facts.ts';
import { PENDING_TABLE } from '../../rollups/rollup-schema.ts';
import { createRollupWriter } from './rollup-writer.ts';

type PendingQuarter = [surveyId: string, bucketStart: number, dim: RollupDimension, value: string, ...counters: number[]];

/** Keeps rollups in step with writes to `responses` and `events`. */
export function createRollupMaintenance(db: Database) {
  const deltas = new RollupDeltas();
  const writer = createRollupWriter(db);
  const insertPending = db.prepare(`INSERT INTO ${PENDING_TABLE} (deltas) VALUES (?)`);
  const selectPending = db.prepare<[], { id: number; deltas: string }>(`SELECT id, deltas FROM ${PENDING_TABLE} ORDER BY id`);
  const deletePending = db.prepare(`DELETE FROM ${PENDING_TABLE} WHERE id <= ?`);
  // Rows left by a process that stopped before folding them are folded on first use.
  let pending = db.prepare(`SELECT EXISTS (SELECT 1 FROM ${PENDING_TABLE}) AS any`).pluck().get() === 1;

  const foldNow = db.transaction(() => {
    const rows = selectPending.all();
    if (rows.length === 0) return 0;
    const folded = new RollupDeltas();
    for (const row of rows) {
      const quarters = (JSON.parse(row.deltas) as PendingQuarter[]).map(([surveyId, bucketStart, dim, value, ...counters]) => ({ surveyId, bucketStart, dim, value, counters }));
      folded.addQuarters(quarters);
    }
    writer.flush(folded);
    deletePending.run(rows[rows.length - 1].id);
    return rows.length;
  });

  return {
    /** A response row was inserted (`before` null), updated, or deleted (`after` null). Call after the write succeeded. */
    responseChanged(before: ResponseFactsRow | null | undefined, after: ResponseFactsRow | null): void {
      deltas.addResponseChange(before ? responseFacts(before) : null, after ? responseFacts(after) : null);
    },
    /** An event row was inserted. Call after the write succeeded. */
    eventAdded(row: EventFactsRow): void {
      const facts = eventFacts(row);
      if (facts) deltas.addEvent(facts);
    },
    /** Stores what was recorded since the last call as one pending row; call inside the batch transaction, before it commits. */
    flush(): void {
      const quarters: RollupDelta[] = deltas.drainQuarters();
      if (quarters.length === 0) return;
      insertPending.run(JSON.stringify(quarters.map((quarter) => [quarter.surveyId, quarter.bucketStart, quarter.dim, quarter.value, ...quarter.counters])));
      pending = true;
    },
    /** Moves pending deltas into the rollups in one transaction of its own; a no-op when none wait or inside another transaction. */
    fold(): number {
      if (!pending || db.inTransaction) return 0;
      const folded = foldNow.immediate();
      pending = false;
      return folded;
    },
  };
}

/** The rollup maintenance hook's interface. */
export type RollupMaintenance = ReturnType<typeof createRollupMaintenance>;
