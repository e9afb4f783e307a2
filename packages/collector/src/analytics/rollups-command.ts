/** `npsloop rollups rebuild`: recompute rollups and the comment index from the raw rows. */
import type { Database } from '../db/database.ts';

/** Rebuilds and reports progress and the result on the given writers. */
export async function runRollupsRebuild(database: Pick<Database, 'rebuildRollups'>, io: { out: (text: string) => void; err: (text: string) => void }): Promise<void> {
  const started = Date.now();
  let lastReport = started;
  const counts = await database.rebuildRollups((rowsRead) => {
    if (Date.now() - lastReport < 1000) return;
    lastReport = Date.now();
    io.err(`  ${rowsRead.toLocaleString('en')} rows read…\n`);
  });
  io.err(`Rebuilt rollups from ${counts.responses} responses and ${counts.events} events in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
  io.out(`${JSON.stringify(counts)}\n`);
}
