/** The write path's hook: record what each write changed, flush it once per batch inside the batch transaction. */
import type { Database } from 'better-sqlite3';
import { RollupDeltas } from './rollup-delta.ts';
import { eventFacts, responseFacts, type EventFactsRow, type ResponseFactsRow } from './rollup-facts.ts';
import { createRollupWriter } from './rollup-writer.ts';

/** Keeps rollups in step with writes to `responses` and `events`. */
export function createRollupMaintenance(db: Database) {
  const deltas = new RollupDeltas();
  const writer = createRollupWriter(db);
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
    /** Applies everything recorded so far; call inside the transaction that made the writes, before it commits. */
    flush(): number {
      return writer.flush(deltas);
    },
  };
}

/** The rollup maintenance hook's interface. */
export type RollupMaintenance = ReturnType<typeof createRollupMaintenance>;
