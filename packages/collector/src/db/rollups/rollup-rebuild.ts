/** Recomputes the rollups (and the comment index) from the raw rows, for `npsloop rollups rebuild`. */
import type { Database } from 'better-sqlite3';
import { RollupDeltas } from './rollup-delta.ts';
import { eventFacts, responseFacts, type EventFactsRow, type ResponseFactsRow } from './rollup-facts.ts';
import { COMMENT_INDEX, PENDING_TABLE, ROLLUP_TABLE } from '../../rollups/rollup-schema.ts';
import { createRollupWriter } from './rollup-writer.ts';

const PAGE = 50_000;

/** True when `responses` has the `excluded` flag. */
export function hasExcludedColumn(db: Database): boolean {
  return (db.prepare("SELECT COUNT(*) AS c FROM pragma_table_info('responses') WHERE name = 'excluded'").get() as { c: number }).c > 0;
}

/**
 * Replaces every rollup row with sums recomputed from `responses` and `events`
 * in one transaction (readers see the old rollups until it commits), and
 * rebuilds the comment index. Returns how many raw rows were read.
 */
export function rebuildRollups(db: Database, onProgress?: (rowsRead: number) => void): { responses: number; events: number } {
  const writer = createRollupWriter(db);
  const excluded = hasExcludedColumn(db) ? ', excluded' : '';
  // `comment` is read as a flag so the scan does not load comment text; pages by rowid
  // because better-sqlite3 cannot write while an iterator is open.
  const responsePage = db.prepare<[number, number], ResponseFactsRow & { rowid: number }>(
    `SELECT rowid, survey_id, score, IIF(comment IS NULL, NULL, '') AS comment, touchpoint, channel, locale, journey, created_at${excluded}
     FROM responses WHERE rowid > ? ORDER BY rowid LIMIT ?`,
  );
  const eventPage = db.prepare<[number, number], EventFactsRow & { rowid: number }>(
    'SELECT rowid, survey_id, type, touchpoint, channel, locale, created_at FROM events WHERE rowid > ? ORDER BY rowid LIMIT ?',
  );
  const counts = { responses: 0, events: 0 };
  // A large page cache keeps the rollup B-tree in memory while millions of rows are upserted.
  const cacheSize = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('cache_size = -262144');
  try {
    rebuildInTransaction();
  } finally {
    db.pragma(`cache_size = ${cacheSize}`);
  }
  return counts;

  function rebuildInTransaction() {
  db.transaction(() => {
    db.prepare(`DELETE FROM ${ROLLUP_TABLE}`).run();
    // Pending deltas describe raw rows this rebuild reads anyway.
    db.prepare(`DELETE FROM ${PENDING_TABLE}`).run();
    const deltas = new RollupDeltas();
    for (let after = 0, rows = responsePage.all(0, PAGE); rows.length > 0; rows = responsePage.all(after, PAGE)) {
      for (const row of rows) deltas.addResponseChange(null, responseFacts(row));
      after = rows[rows.length - 1].rowid;
      counts.responses += rows.length;
      writer.flush(deltas);
      onProgress?.(counts.responses);
    }
    for (let after = 0, rows = eventPage.all(0, PAGE); rows.length > 0; rows = eventPage.all(after, PAGE)) {
      for (const row of rows) {
        const facts = eventFacts(row);
        if (facts) deltas.addEvent(facts);
      }
      after = rows[rows.length - 1].rowid;
      counts.events += rows.length;
      writer.flush(deltas);
      onProgress?.(counts.responses + counts.events);
    }
    db.prepare(`INSERT INTO ${COMMENT_INDEX} (${COMMENT_INDEX}) VALUES ('rebuild')`).run();
  }).immediate();
  }
}
