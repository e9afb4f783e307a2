/** Erasure of everything stored about one respondent: responses, loops, notes, action links, webhook deliveries, index entries. */
import type { Database } from 'better-sqlite3';
import { createRollupSync } from '../../loops/rollup-sync.ts';
import type { ResponseRow } from './response-writer.ts';
import { flushErasure, withSecureDelete } from '../sqlite/secure-erase.ts';

/** Who to erase: by email (case-insensitive) or by the site's user id. */
export type RespondentKey = { email: string; userId?: undefined } | { userId: string; email?: undefined };

/** What an erasure removed. */
export interface ErasureReport {
  responses: number;
  loops: number;
  notes: number;
  actionLinks: number;
  webhookDeliveries: number;
  responseIds: string[];
  /** False when a reader kept the WAL from being emptied; the next checkpoint finishes the job. */
  walCheckpointed: boolean;
}

const count = (db: Database, sql: string, ids: string[]) =>
  ids.length === 0 ? 0 : (db.prepare(`${sql} (SELECT value FROM json_each(?))`).pluck().get(JSON.stringify(ids)) as number);

/** Deletes every response of the respondent and everything hanging off them, in one transaction, then wipes the leftovers. */
export function eraseRespondent(db: Database, who: RespondentKey): ErasureReport {
  const report = withSecureDelete(db, () => db.transaction(() => {
    const rows = who.email !== undefined
      ? db.prepare<[string], ResponseRow>('SELECT * FROM responses WHERE email = ? COLLATE NOCASE').all(who.email)
      : db.prepare<[string], ResponseRow>('SELECT * FROM responses WHERE user_id = ?').all(who.userId);
    const ids = rows.map((row) => row.id);
    const counted = {
      loops: count(db, 'SELECT COUNT(*) FROM loops WHERE response_id IN', ids),
      notes: count(db, 'SELECT COUNT(*) FROM loop_notes WHERE response_id IN', ids),
      actionLinks: count(db, 'SELECT COUNT(*) FROM action_responses WHERE response_id IN', ids),
      webhookDeliveries: count(db, 'SELECT COUNT(*) FROM webhook_deliveries WHERE subject_id IN', ids),
    };
    const rollups = createRollupSync(db);
    const inIds = '(SELECT value FROM json_each(?))';
    const json = JSON.stringify(ids);
    db.prepare(`DELETE FROM webhook_deliveries WHERE subject_id IN ${inIds}`).run(json);
    db.prepare(`DELETE FROM loop_notes WHERE response_id IN ${inIds}`).run(json);
    db.prepare(`DELETE FROM loops WHERE response_id IN ${inIds}`).run(json);
    db.prepare(`DELETE FROM action_responses WHERE response_id IN ${inIds}`).run(json);
    db.prepare(`DELETE FROM responses WHERE id IN ${inIds}`).run(json);
    for (const row of rows) rollups.change(row, null);
    rollups.flush();
    return { responses: rows.length, ...counted, responseIds: ids };
  }).immediate());
  return { ...report, walCheckpointed: report.responses === 0 ? true : flushErasure(db) };
}
