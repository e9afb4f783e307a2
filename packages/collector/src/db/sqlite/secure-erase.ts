/** Makes deleted personal data unrecoverable from the database file: zeroed pages, a merged comment index, an emptied WAL. */
import type { Database } from 'better-sqlite3';

const COMMENT_INDEX = 'response_comments_fts';

/** Runs `change` with SQLite's secure_delete on, so freed content is overwritten with zeros. */
export function withSecureDelete<T>(db: Database, change: () => T): T {
  const previous = db.pragma('secure_delete', { simple: true }) as number;
  db.pragma('secure_delete = ON');
  try {
    return change();
  } finally {
    db.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
  }
}

/**
 * After erasing: merges the comment index so no segment keeps the erased words,
 * then checkpoints and truncates the WAL so old page images leave the disk.
 * Returns whether the checkpoint completed (it cannot while another reader holds old pages).
 */
export function flushErasure(db: Database): boolean {
  withSecureDelete(db, () => {
    const hasIndex = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = ?").pluck().get(COMMENT_INDEX) === 1;
    if (hasIndex) db.prepare(`INSERT INTO ${COMMENT_INDEX} (${COMMENT_INDEX}) VALUES ('optimize')`).run();
  });
  // A background checkpointer may hold the checkpoint lock for a moment: wait briefly and retry.
  const pause = new Int32Array(new SharedArrayBuffer(4));
  for (let attempt = 0; attempt < 40; attempt++) {
    const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
    if (result === undefined || result.busy === 0) return true;
    Atomics.wait(pause, 0, 0, 5);
  }
  return false;
}
