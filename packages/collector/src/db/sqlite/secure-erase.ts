/** Makes deleted personal data unrecoverable from the SQLite file: zeroed pages, a merged comment index, an emptied WAL. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database as SqliteHandle } from 'better-sqlite3';
import { whenUnlocked } from './sqlite-connection.ts';
import { COMMENT_INDEX } from './sqlite-sql.ts';

/** Runs `change` with SQLite's secure_delete on, so freed content is overwritten with zeros. */
export async function withSecureDelete<T>(handle: SqliteHandle, change: () => Promise<T>): Promise<T> {
  const previous = handle.pragma('secure_delete', { simple: true }) as number;
  handle.pragma('secure_delete = ON');
  try {
    return await change();
  } finally {
    handle.pragma(`secure_delete = ${previous ? 'ON' : 'OFF'}`);
  }
}

/**
 * After erasing: merges the comment index so no segment keeps the erased words, then checkpoints and
 * truncates the WAL so old page images leave the disk. Resolves to whether the checkpoint completed
 * (it cannot while another reader holds old pages). Call while holding the connection, outside a transaction.
 */
export async function flushErasure(handle: SqliteHandle): Promise<boolean> {
  // A write of its own: it waits, off the event loop, while the checkpoint thread holds the write lock (a RESTART).
  await withSecureDelete(handle, () => whenUnlocked(() => handle.prepare(`INSERT INTO ${COMMENT_INDEX} (${COMMENT_INDEX}) VALUES ('optimize')`).run()));
  // The background checkpointer or a reader may hold the WAL for a moment: try again for up to two seconds,
  // pausing between tries (the connection does not wait for locks itself: that would stall the event loop).
  for (let attempt = 0; attempt < 100; attempt++) {
    try {
      const [result] = handle.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
      if (result === undefined || result.busy === 0) return true;
    } catch (error) {
      if (!String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) throw error;
    }
    await sleep(20);
  }
  return false;
}
