/** `npsloop rollups rebuild`: recompute rollups and the comment index from the raw rows. */
import type { Database } from 'better-sqlite3';
import { rebuildRollups } from '../db/rollups/rollup-rebuild.ts';

/** Rebuilds and reports progress and the result on the given writers. */
export function runRollupsRebuild(db: Database, io: { out: (text: string) => void; err: (text: string) => void }): void {
  const started = Date.now();
  let lastReport = started;
  const counts = rebuildRollups(db, (rowsRead) => {
    if (Date.now() - lastReport < 1000) return;
    lastReport = Date.now();
    io.err(`  ${rowsRead.toLocaleString('en')} rows read…\n`);
  });
  const rollupRows = (db.prepare('SELECT COUNT(*) AS c FROM analytics_rollups').get() as { c: number }).c;
  io.err(`Rebuilt rollups from ${counts.responses} responses and ${counts.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  io.out(`${JSON.stringify({ ...counts, rollupRows })}\n`);
}
