import type { Database } from 'better-sqlite3';

/** A unit of work run inside the batch transaction; its return value answers its caller. */
export type WriteJob<T> = () => T;

/** Group commit: jobs queued in the same event-loop turn (plus an optional window) run in one transaction; each caller is answered after the commit. */
export interface WriteQueue {
  run<T>(job: WriteJob<T>): Promise<T>;
  /** Writes everything queued now and waits for it. */
  flush(): Promise<void>;
  /** Jobs waiting for the next commit. */
  readonly pending: number;
}

/** Options for `createWriteQueue`. */
export interface WriteQueueOptions {
  /** Extra ms the first job of a batch waits for company; 0 (default): the jobs queued in one event-loop turn share a transaction. */
  windowMs?: number;
  /** A batch this large is written at once. */
  maxBatch?: number;
  /** Called inside the batch transaction after its jobs, before the commit (rollup maintenance). */
  beforeCommit?: () => void;
  /** Called after every committed batch. */
  onBatch?: (size: number, seconds: number) => void;
}

interface Queued {
  job: WriteJob<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Creates the one writer of a database. */
export function createWriteQueue(db: Database, options: WriteQueueOptions = {}): WriteQueue {
  const windowMs = options.windowMs ?? 0;
  const maxBatch = options.maxBatch ?? 1000;
  let queue: Queued[] = [];
  let timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  const cancel = (pending: NodeJS.Timeout | NodeJS.Immediate) =>
    windowMs > 0 ? clearTimeout(pending as NodeJS.Timeout) : clearImmediate(pending as NodeJS.Immediate);

  // A job that throws fails alone: jobs write with single statements, which SQLite rolls back
  // on their own. Only if the whole transaction is gone (I/O error, disk full) does the batch fail.
  const commitBatch = db.transaction((batch: Queued[]) => {
    const outcomes = batch.map((item) => {
      try {
        return { ok: true as const, value: item.job() };
      } catch (error) {
        if (!db.inTransaction) throw error;
        return { ok: false as const, error };
      }
    });
    options.beforeCommit?.();
    return outcomes;
  });

  function writeNow(): void {
    if (timer) cancel(timer);
    timer = null;
    const batch = queue;
    queue = [];
    if (batch.length === 0) return;
    const started = process.hrtime.bigint();
    let outcomes;
    try {
      outcomes = commitBatch.immediate(batch);
    } catch (error) {
      for (const item of batch) item.reject(error);
      return;
    }
    options.onBatch?.(batch.length, Number(process.hrtime.bigint() - started) / 1e9);
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  return {
    run<T>(job: WriteJob<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ job, resolve: resolve as (value: unknown) => void, reject });
        if (queue.length >= maxBatch) writeNow();
        else if (!timer) timer = windowMs > 0 ? setTimeout(writeNow, windowMs) : setImmediate(writeNow);
      });
    },
    async flush() {
      writeNow();
    },
    get pending() {
      return queue.length;
    },
  };
}
