/** Makes deleted personal data unrecoverable from the SQLite file: zeroed pages, a merged comment index, a rewritten file, an emptied WAL. */
import { setTimeout as sleep } from 'node:timers/promises';
import type { Database as SqliteHandle } from 'better-sqlite3';
import type { Checkpointer } from './checkpointer.ts';
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
 * After erasing: merges the comment index so no segment keeps the erased words, then rewrites the whole file
 * (`VACUUM`) and truncates the WAL, so no old copy of an erased row is left on disk. `secure_delete` alone is not
 * enough: it zeroes what a write frees, but when SQLite rebalances a page it writes the cells that stay from the
 * page's end and leaves the bytes between them and the cell pointers as they were, old copies of rows that moved
 * to a sibling page included (SQLite 3.53, `rebuildPage`); those copies outlive the row's erasure. The rewrite runs
 * on the checkpoint thread when there is one (the event loop goes on while it copies the file), else here.
 * Resolves to whether it completed (not while another process writes for long, or a reader holds old pages, or
 * the disk has no room for the copy). Call while holding the connection, outside a transaction.
 */
export async function flushErasure(handle: SqliteHandle, checkpointer: Checkpointer | null): Promise<boolean> {
  // A write of its own: it waits, off the event loop, while the checkpoint thread holds the write lock (a RESTART).
  await withSecureDelete(handle, () => whenUnlocked(() => handle.prepare(`INSERT INTO ${COMMENT_INDEX} (${COMMENT_INDEX}) VALUES ('optimize')`).run()));
  if (checkpointer) {
    try {
      return await checkpointer.rewriteFile();
    } catch {
      // The thread is gone (it said why when it stopped): rewrite here instead.
    }
  }
  try {
    await whenUnlocked(() => handle.exec('VACUUM'));
  } catch {
    // Busy past the wait, no room for the copy, or a statement of this connection still reading: the rows are
    // erased all the same, and the caller says the file was not rewritten.
    return false;
  }
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
