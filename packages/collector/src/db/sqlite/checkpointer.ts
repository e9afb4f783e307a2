import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/** Background WAL checkpoints, so a commit on the main thread never stalls copying pages and syncing the file. */
export interface Checkpointer {
  /**
   * Rewrites the whole database file (`VACUUM`) and empties the WAL, on the thread, so the event loop goes on while
   * it copies. Resolves to whether both completed; rejects when the thread is gone. See `flushErasure` for why.
   */
  rewriteFile(): Promise<boolean>;
  /** Stops the thread once its current checkpoint is done. */
  stop(): Promise<void>;
}

// Plain CommonJS run with `eval`, so it works the same from the TypeScript sources and from the build. A passive
// checkpoint copies pages while the server goes on writing, but under a steady stream of answers it never catches up
// with the last commit, and SQLite starts the WAL over only once everything in it is copied: then a RESTART checkpoint
// waits for the batch being written, holds the write lock while it copies the few pages left (the server's next
// batch waits meanwhile, see `whenUnlocked`) and lets the next commit start the WAL from the beginning. It is tried only
// when the passive checkpoint copied all it found (no reader keeps an old snapshot, such as an export under way): a
// RESTART also waits for readers, and holds the write lock meanwhile.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
let db;
try {
  db = new Database(workerData.path, { fileMustExist: true });
} catch (error) {
  // A plain Error crosses to the main thread whole; SQLite's own loses its message on the way.
  throw new Error('cannot open ' + workerData.path + ': ' + error.message + ' (' + error.code + ')');
}
db.pragma('busy_timeout = 0');
const pageSize = db.pragma('page_size', { simple: true });
const checkpoint = () => {
  try {
    const [{ log, checkpointed }] = db.pragma('wal_checkpoint(PASSIVE)');
    if (log * pageSize < workerData.restartBytes || checkpointed < log) return;
    db.pragma('busy_timeout = ' + workerData.restartWaitMs);
    try { db.pragma('wal_checkpoint(RESTART)'); } finally { db.pragma('busy_timeout = 0'); }
  } catch {}
};
const rewriteFile = () => {
  db.pragma('busy_timeout = ' + workerData.rewriteWaitMs);
  try {
    db.exec('VACUUM');
    const [{ busy }] = db.pragma('wal_checkpoint(TRUNCATE)');
    return busy === 0;
  } catch {
    // Busy past the wait (another process writing, a reader on old pages) or no room for the copy: the caller says so.
    return false;
  } finally {
    db.pragma('busy_timeout = 0');
  }
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', (message) => {
  if (message === 'rewrite') return parentPort.postMessage(rewriteFile());
  clearInterval(timer); checkpoint(); db.close(); process.exit(0);
});
`;

/**
 * How often the thread checkpoints, and past how much WAL it starts it over. A small WAL is cheaper for the server
 * to write (2026-12-05, alternating rounds of the ingest benchmark, main-thread CPU a request: every 0.5 s 59.0 µs
 * against 64.3 µs every 2 s; restarting past 4 MiB instead of 16 MiB 71.8 against 74.8 µs on a slower minute). Without
 * the restart the WAL grew to the safety net's 80 MiB under a steady stream of answers, and every few seconds a
 * commit on the main thread stalled 20–44 ms checkpointing it.
 */
const CHECKPOINT_INTERVAL_MS = 500;
const RESTART_WAL_BYTES = 4 * 1024 * 1024;

/** How long a RESTART checkpoint waits for the batch being written (and for readers) before it gives up until the next interval. */
const RESTART_WAIT_MS = 200;

/** How long a file rewrite waits for another process's write, and then for readers of old pages before it truncates the WAL. */
const REWRITE_WAIT_MS = 2000;

/** Options for `startCheckpointer`. */
export interface CheckpointerOptions {
  intervalMs?: number;
  /** Hears why the thread stopped (it could not open the file, or died): checkpoints then fall to the main connection. */
  onError?: (error: Error) => void;
}

/** Starts a thread with its own connection that checkpoints the WAL every `intervalMs`. */
export function startCheckpointer(path: string, { intervalMs = CHECKPOINT_INTERVAL_MS, onError }: CheckpointerOptions = {}): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  // No flags from the main thread: with `--input-type=module` (a server started from `node -e`) the source would be
  // read as an ES module, where `require` does not exist, and the thread would die at once.
  const worker = new Worker(WORKER_SOURCE, {
    eval: true, execArgv: [],
    workerData: { driver, path, intervalMs, restartBytes: RESTART_WAL_BYTES, restartWaitMs: RESTART_WAIT_MS, rewriteWaitMs: REWRITE_WAIT_MS },
  });
  worker.unref();
  // A failed checkpointer is not fatal (the main connection's large auto-checkpoint still bounds the WAL), but said.
  worker.on('error', (error) => onError?.(error));
  // The thread answers rewrites one at a time, in the order asked.
  const rewrites: { resolve: (rewritten: boolean) => void; reject: (error: Error) => void }[] = [];
  let gone = false;
  worker.on('message', (rewritten: boolean) => rewrites.shift()?.resolve(rewritten));
  const exited = new Promise<void>((resolve) => worker.once('exit', () => {
    gone = true;
    for (const waiting of rewrites.splice(0)) waiting.reject(new Error('the checkpoint thread stopped'));
    resolve();
  }));
  return {
    rewriteFile() {
      if (gone) return Promise.reject(new Error('the checkpoint thread stopped'));
      // Referenced while a rewrite is under way, so the process waits for its answer.
      worker.ref();
      return new Promise<boolean>((resolve, reject) => {
        rewrites.push({ resolve, reject });
        worker.postMessage('rewrite');
      }).finally(() => {
        if (rewrites.length === 0) worker.unref();
      });
    },
    async stop() {
      worker.postMessage('stop');
      await exited;
    },
  };
}
