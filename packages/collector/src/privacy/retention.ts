/** Retention: comments and personal data older than N days are purged; scores and context stay for the figures. */
import type { Database } from 'better-sqlite3';
import { createRollupSync } from '../loops/rollup-sync.ts';
import type { ResponseRow } from '../db/repositories/response-writer.ts';
import { flushErasure, withSecureDelete } from '../db/sqlite/secure-erase.ts';

/** What one purge changed. */
export interface PurgeReport {
  cutoff: string;
  responses: number;
  notes: number;
  webhookDeliveries: number;
}

const PERSONAL = 'comment IS NOT NULL OR email IS NOT NULL OR user_id IS NOT NULL OR page IS NOT NULL';
const BATCH = 500;

/**
 * Clears comment, email, user id and page of responses created before `now − retentionDays`,
 * deletes their loop notes and webhook deliveries (which carry those details), in batches.
 * Loops keep their state and timestamps, so SLA figures stay; properties are left as the site set them.
 */
export function purgeExpired(db: Database, retentionDays: number, now: number): PurgeReport {
  const cutoff = now - retentionDays * 86_400_000;
  const report = { cutoff: new Date(cutoff).toISOString(), responses: 0, notes: 0, webhookDeliveries: 0 };
  const select = db.prepare<[number, number], ResponseRow>(`SELECT * FROM responses WHERE created_at < ? AND (${PERSONAL}) LIMIT ?`);
  const clear = db.prepare('UPDATE responses SET comment = NULL, email = NULL, user_id = NULL, page = NULL WHERE id = ?');
  const deleteNotes = db.prepare('DELETE FROM loop_notes WHERE response_id = ?');
  const deleteDeliveries = db.prepare('DELETE FROM webhook_deliveries WHERE subject_id = ?');
  withSecureDelete(db, () => {
    for (;;) {
      const done = db.transaction(() => {
        const rows = select.all(cutoff, BATCH);
        const rollups = createRollupSync(db);
        for (const row of rows) {
          clear.run(row.id);
          report.notes += deleteNotes.run(row.id).changes;
          report.webhookDeliveries += deleteDeliveries.run(row.id).changes;
          rollups.change(row, { ...row, comment: null });
        }
        rollups.flush();
        report.responses += rows.length;
        return rows.length < BATCH;
      }).immediate();
      if (done) break;
    }
  });
  if (report.responses > 0) flushErasure(db);
  return report;
}
