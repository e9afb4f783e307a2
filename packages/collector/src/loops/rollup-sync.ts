/** Keeps the analytics rollups in step with response changes made outside ingest (exclusion, erasure, retention, import). */
import type { Database } from 'better-sqlite3';
import { RollupDeltas } from '../db/rollups/rollup-delta.ts';
import { eventFacts, responseFacts, type EventFactsRow, type ResponseFactsRow } from '../db/rollups/rollup-facts.ts';
import { ROLLUP_TABLE } from '../rollups/rollup-schema.ts';
import { createRollupWriter } from '../db/rollups/rollup-writer.ts';

/** Records response changes and writes their rollup deltas; a no-op on a database without rollups. */
export interface RollupSync {
  /** Notes a response going from `before` to `after` (null = absent or deleted). */
  change(before: ResponseFactsRow | null, after: ResponseFactsRow | null): void;
  /** Notes a new prompt event. */
  event(row: EventFactsRow): void;
  /** Writes what was noted; call inside the transaction that made the changes. */
  flush(): void;
}

/** Builds a rollup sync for the database, checking once whether the rollup table exists. */
export function createRollupSync(db: Database): RollupSync {
  const installed = db.prepare('SELECT COUNT(*) FROM sqlite_master WHERE name = ?').pluck().get(ROLLUP_TABLE) === 1;
  if (!installed) return { change: () => {}, event: () => {}, flush: () => {} };
  const writer = createRollupWriter(db);
  const deltas = new RollupDeltas();
  return {
    change(before, after) {
      deltas.addResponseChange(before && responseFacts(before), after && responseFacts(after));
    },
    event(row) {
      const facts = eventFacts(row);
      if (facts) deltas.addEvent(facts);
    },
    flush() {
      writer.flush(deltas);
    },
  };
}
