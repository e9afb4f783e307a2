/**
 * Group commit: the write jobs queued in the same event-loop turn (plus an optional window or more turns) run in one
 * transaction, and each caller is answered after the commit. Each job is atomic on its own: a job that throws
 * leaves nothing behind and fails alone, the rest of the batch commits, and its caller gets the error.
 *
 * Most jobs that fail (409 conflicts) fail before they change a row, and are simply dropped from the batch.
 * A job that fails after changing rows has its batch rolled back and run again without it. That gives what a
 * savepoint per job gives without paying for one on every job: on SQLite a savepoint cost about 5 µs a job
 * (journaling the pages it touches; ~5% of a request), on PostgreSQL it would cost two round trips a job.
 *
 * The new rows of a batch's leading ingest jobs are inserted together before the jobs run: a few
 * multi-row statements, not one a job (on PostgreSQL a round trip each; on SQLite, statements that insert all
 * their rows or none, see `AheadInserts`). A job that fails after its row went in that way counts as one that
 * changed rows; if the shared insert fails on PostgreSQL, the batch runs again without it.
 *
 * Where the repositories defer them (SQLite), the loops a batch's new answers open are written together, in one
 * statement before the next job that is not a new answer (it might read them) and at the commit.
 */
import { storageFailure, type StorageFailure } from './storage-failures.ts';
import type { NowOrLater } from './executor.ts';
import type { NewRowValues } from './repositories/response-input.ts';
import type { TransactionContext, TransactionRepositories } from './transaction-context.ts';

/**
 * A unit of work: what one request writes, with the batch transaction's repositories; it may run more than once.
 * It may answer at once (an ingest job on SQLite does): the batch then goes on to the next job without an await.
 */
export type WriteJob<T> = (tx: TransactionRepositories) => NowOrLater<T>;

/** The one writer of a database. */
export interface WriteQueue {
  /**
   * Queues a job; resolves with its result after its batch commits, or rejects with its own error. An ingest job
   * names the row it inserts if the response is new (`newResponse`): a batch inserts those rows together first, and
   * before any other job the loops its new answers deferred are written.
   */
  run<T>(job: WriteJob<T>, newResponse?: NewRowValues): Promise<T>;
  /** Writes everything queued now and waits for it. */
  flush(): Promise<void>;
  /** Jobs waiting for the next commit. */
  readonly pending: number;
  /** Set while batches fail to commit for a storage reason (since when, why); null once one commits. */
  readonly failing: WriteFailure | null;
  /** When the last batch was tried (ms; 0 before the first). */
  readonly lastBatchAt: number;
  /** Notes that a write outside the queue committed (a probe): the storage works again. */
  recovered(): void;
}

/** Why writes are failing, and since when (ms). */
export interface WriteFailure extends StorageFailure {
  since: number;
}

/** Options for `createWriteQueue`. */
export interface WriteQueueOptions {
  /** Extra ms the first job of a batch waits for company; 0 (default): the jobs queued in one event-loop turn share a transaction. */
  windowMs?: number;
  /** A batch this large is written at once. */
  maxBatch?: number;
  /** Called after every committed batch. */
  onBatch?: (size: number, seconds: number) => void;
  /** True for an error after which the whole batch may simply run again (a deadlock with another process's batch). */
  retryable?: (error: unknown) => boolean;
  /** Batches that may be written at once (default 1: SQLite has one write lock; PostgreSQL takes several). */
  concurrentBatches?: number;
  /**
   * Without a window, a batch waits up to this many more event-loop turns before it is written, as long as each
   * brings it more jobs (default 0). Under load the requests of the connections whose answers just went out arrive
   * meanwhile and join it: fewer, larger commits (SQLite, see `EXTRA_TURNS`); idle, the first turn that brings
   * nothing ends the wait, and a turn is microseconds.
   */
  extraTurns?: number;
}

/** How often a batch runs again after transient errors (deadlocks) before its jobs get the error. */
const TRANSIENT_RETRIES = 5;

interface Queued {
  job: WriteJob<unknown>;
  newResponse: NewRowValues | undefined;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** Runs one batch's work in a transaction of its own and commits it (from the database). */
export type BatchRunner = (work: (context: TransactionContext) => Promise<void>) => Promise<void>;

/** The batch's rows inserted ahead failed together (one of them breaks a rule): the batch runs again, each job inserting its own. */
class AheadInsertFailed extends Error {
  constructor(readonly failure: unknown) {
    super('the rows inserted ahead of a write batch failed');
  }
}

/** A job failed after changing rows: its batch must be rolled back and run again without it. */
class JobLeftChanges extends Error {
  constructor(readonly item: Queued, readonly failure: unknown) {
    super('a write job failed after changing rows');
  }
}

/**
 * The new rows of the ingest jobs that open the batch (up to its first other job, which might touch one of them
 * before its own job ran), when there are several: they are inserted together before the jobs run.
 */
function rowsToInsertAhead(batch: readonly Queued[]): NewRowValues[] {
  const rows: NewRowValues[] = [];
  for (const item of batch) {
    if (!item.newResponse) break;
    rows.push(item.newResponse);
  }
  return rows.length > 1 ? rows : [];
}

/** Runs the jobs in turn; a job that fails without changing a row fails alone, its rollup deltas discarded. */
async function runJobs(context: TransactionContext, batch: readonly Queued[], insertAhead: boolean): Promise<Outcome[]> {
  const { executor, rollups, repositories } = context;
  const ahead = insertAhead ? rowsToInsertAhead(batch) : [];
  try {
    if (ahead.length > 0) await repositories.responses.insertAhead(ahead);
  } catch (error) {
    throw new AheadInsertFailed(error);
  }
  const outcomes: Outcome[] = [];
  for (const item of batch) {
    // The loops the new answers before it deferred are written first: this job might read or change them.
    if (!item.newResponse) {
      const writing = context.writeDeferred();
      if (writing) await writing;
    }
    const changesBefore = executor.changes();
    rollups.beginJob();
    try {
      const value = item.job(repositories);
      outcomes.push({ ok: true, value: value instanceof Promise ? await value : value });
    } catch (error) {
      rollups.discardJob();
      const rowInsertedAhead = ahead.length > 0 && item.newResponse !== undefined && repositories.responses.wroteAhead(item.newResponse.id as string);
      if (rowInsertedAhead || executor.changes() !== changesBefore || !(await executor.intact())) throw new JobLeftChanges(item, error);
      outcomes.push({ ok: false, error });
    }
  }
  return outcomes;
}

/** Creates the write queue of a database. */
export function createWriteQueue(runBatch: BatchRunner, options: WriteQueueOptions = {}): WriteQueue {
  const windowMs = options.windowMs ?? 0;
  const maxBatch = options.maxBatch ?? 1000;
  let queue: Queued[] = [];
  let timer: NodeJS.Timeout | NodeJS.Immediate | null = null;
  const concurrent = options.concurrentBatches ?? 1;
  // The batches being written; while fewer than `concurrent`, the next event-loop turn's jobs start another.
  const writing = new Set<Promise<void>>();
  let failing: WriteFailure | null = null;
  let lastBatchAt = 0;
  const extraTurns = windowMs === 0 ? options.extraTurns ?? 0 : 0;
  // The extra turns the next batch has waited, and how many jobs it had when it last began one.
  let turnsWaited = 0;
  let queuedAtLastTurn = 0;

  function schedule(): void {
    if (timer || writing.size >= concurrent) return;
    timer = windowMs > 0 ? setTimeout(writeNow, windowMs) : setImmediate(writeNow);
  }

  function writeNow(): void {
    if (timer && windowMs > 0) clearTimeout(timer as NodeJS.Timeout);
    else if (timer) clearImmediate(timer as NodeJS.Immediate);
    timer = null;
    if (writing.size >= concurrent || queue.length === 0) return;
    if (turnsWaited < extraTurns && queue.length < maxBatch && (turnsWaited === 0 || queue.length > queuedAtLastTurn)) {
      turnsWaited += 1;
      queuedAtLastTurn = queue.length;
      timer = setImmediate(writeNow);
      return;
    }
    turnsWaited = 0;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    const written: Promise<void> = writeBatch(batch).finally(() => {
      writing.delete(written);
      if (queue.length >= maxBatch) writeNow();
      else if (queue.length > 0) schedule();
    });
    writing.add(written);
    if (queue.length >= maxBatch) writeNow();
  }

  async function writeBatch(batch: Queued[], retries = 0, insertAhead = true): Promise<void> {
    const started = process.hrtime.bigint();
    lastBatchAt = Date.now();
    let outcomes: Outcome[] = [];
    try {
      await runBatch(async (context) => {
        outcomes = await runJobs(context, batch, insertAhead);
      });
    } catch (error) {
      const cause = error instanceof JobLeftChanges || error instanceof AheadInsertFailed ? error.failure : error;
      if (retries < TRANSIENT_RETRIES && options.retryable?.(cause)) {
        // Rolled back by the engine (a deadlock with another process): nobody's fault, the whole batch runs again.
        await writeBatch(batch, retries + 1, insertAhead);
        return;
      }
      if (error instanceof AheadInsertFailed && !storageFailure(cause)) {
        // Rolled back: one of the rows breaks a rule, and its own job will say which.
        await writeBatch(batch, retries, false);
        return;
      }
      if (!(error instanceof JobLeftChanges)) {
        // The transaction itself failed (disk full, I/O error): nothing of the batch was stored.
        const failure = storageFailure(cause);
        if (failure) failing = { ...failure, since: failing?.since ?? Date.now() };
        for (const item of batch) item.reject(cause);
        return;
      }
      // Rolled back: the job that left changes fails alone, the others run again in a new transaction.
      error.item.reject(error.failure);
      const rest = batch.filter((item) => item !== error.item);
      if (rest.length > 0) await writeBatch(rest);
      return;
    }
    failing = null;
    options.onBatch?.(batch.length, Number(process.hrtime.bigint() - started) / 1e9);
    batch.forEach((item, index) => {
      const outcome = outcomes[index];
      if (outcome.ok) item.resolve(outcome.value);
      else item.reject(outcome.error);
    });
  }

  return {
    run<T>(job: WriteJob<T>, newResponse?: NewRowValues): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        queue.push({ job: job as WriteJob<unknown>, newResponse, resolve: resolve as (value: unknown) => void, reject });
        if (queue.length >= maxBatch) writeNow();
        else schedule();
      });
    },
    async flush() {
      while (writing.size > 0 || queue.length > 0) {
        writeNow();
        await Promise.all(writing);
      }
    },
    get pending() {
      return queue.length;
    },
    get failing() {
      return failing;
    },
    get lastBatchAt() {
      return lastBatchAt;
    },
    recovered() {
      failing = null;
    },
  };
}
