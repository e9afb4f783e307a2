/**
 * The data layer's front door: `openDatabase` opens the dialect, migrates, and builds every repository once.
 * Nothing outside src/db sees a driver or a connection; callers get repositories that speak in domain records,
 * the group-commit write queue, and transactions whose repositories write through the one response writer.
 */
import { HuddleReads } from './analytics/huddle-reads.ts';
import { RawCounts } from './analytics/raw-counts.ts';
import { ResponseList } from './analytics/response-list.ts';
import type { Dialect } from './dialect.ts';
import type { EventInput } from './repositories/event-writer.ts';
import { newRowValues, type IngestHook, type ResponseInput } from './repositories/response-input.ts';
import type { RespondentKey } from './repositories/response-reads.ts';
import type { IngestStatus } from './repositories/response-writer.ts';
import { eraseRespondent, purgeExpired, type ErasureReport, type PurgeReport } from './repositories/privacy-repository.ts';
import { LoopSettingsCache } from './repositories/loop-settings-repository.ts';
import { SurveyCache } from './repositories/survey-repository.ts';
import { SubscriberCache } from './repositories/webhook-repository.ts';
import { foldPendingDeltas } from './rollups/rollup-maintenance.ts';
import { RollupReader } from './rollups/rollup-reader.ts';
import { countRollupRows, rebuildRollups } from './rollups/rollup-rebuild.ts';
import { checkDatabaseLocation, isPostgresUrl, redactedUrl } from './postgres/postgres-connection.ts';
import { openPostgresDialect } from './postgres/postgres-dialect.ts';
import { openSqliteDialect } from './sqlite/sqlite-dialect.ts';
import type { SyncMode } from './sqlite/sqlite-connection.ts';

export type { SyncMode };
import { compileTemplates, rootRepositories, TransactionContext, type Repositories, type SharedParts, type TransactionRepositories } from './transaction-context.ts';
import { storageFailure } from './storage-failures.ts';
import { createWriteQueue, type WriteFailure, type WriteJob, type WriteQueueOptions } from './write-queue.ts';

/** Options for `openDatabase`. */
export interface DatabaseOptions extends WriteQueueOptions {
  /** A `postgres://` or `postgresql://` URL, else the SQLite file (its directory is created) or `:memory:`. */
  path: string;
  /** SQLite `synchronous` in WAL mode: NORMAL (default) survives a killed process, FULL also power loss. */
  sync?: SyncMode;
  /** Checkpoint the WAL from a background thread (the server does; one-shot CLI commands need not). */
  backgroundCheckpoints?: boolean;
  /** Run inside every ingest job after the response and its loop are written (webhooks register here). */
  ingestHooks?: IngestHook[];
  /** How often pending rollup deltas are folded, in ms (default 1000; 0: only before reads and on close). */
  foldIntervalMs?: number;
  /** Hears errors of idle PostgreSQL connections (a restarted server); the pool replaces them by itself. */
  onConnectionError?: (error: Error) => void;
  /** Hears why SQLite's background checkpoints stopped (the main connection then checkpoints past its safety net). */
  onCheckpointerError?: (error: Error) => void;
}

/**
 * How long caches of rows other processes may change (loop settings, webhooks) are kept: a SQLite file has
 * one collector, which drops them when it changes them; several collectors share a PostgreSQL database,
 * so a change made through one is seen by the others within a second.
 */
const SHARED_CACHE_TTL_MS = { sqlite: Infinity, postgres: 1000 } as const;

/** Write batches in flight at once: SQLite has one write lock; on PostgreSQL a batch waits on round trips, so two overlap (four were slower once a batch became a few multi-row statements: 124 against 146 µs a request, measured). */
const BATCHES_IN_FLIGHT = { sqlite: 1, postgres: 2 } as const;

/**
 * How a write batch inserts its new responses together before its jobs run (`AheadInserts`). PostgreSQL: multi-row
 * statements returning the ids inserted, a round trip an answer less (server CPU a request 314 → 229 µs in the
 * ingest benchmark). SQLite: statements that insert all their rows or none, without RETURNING (with it, and padded
 * with repeats, it gained nothing over a statement a job): 0.4–1.1 µs an answer less in three alternating runs.
 */
const INSERT_NEW_RESPONSES_AHEAD = { sqlite: 'all-or-none', postgres: 'returning' } as const;

/**
 * How many more event-loop turns a write batch may wait for company while each brings it more (see `extraTurns`):
 * on SQLite a batch costs the main thread ~85 µs whatever its size (BEGIN, COMMIT, the rollup deltas, the deferred
 * loops), so larger batches save CPU. Under the ingest benchmark's load: one turn, 51 → 65 answers a batch (~2 µs a
 * request less in alternating runs); up to eight, ~77 (another 1–1.8 µs less). Off on PostgreSQL, where batches
 * already overlap (two in flight); not measured there.
 */
const EXTRA_TURNS = { sqlite: 8, postgres: 0 } as const;

/**
 * Whether a new answer's loop waits to be written with its batch's other new loops, one statement for all (see
 * `SharedParts.defersNewLoops`): on SQLite a loop row written alone costs ~1.8 µs more than one of a multi-row
 * statement (measured outside the server; in alternating runs of the every-score-alike mix, 64% of answers opening
 * a loop, 1.2–1.6 µs an answer less). PostgreSQL inserts a batch's new answers and their loops ahead of its jobs
 * instead (`INSERT_NEW_RESPONSES_AHEAD`).
 */
const DEFER_NEW_LOOPS = { sqlite: true, postgres: false } as const;

/** The reads behind analytics and the huddle. */
export interface AnalyticsReads {
  readonly raw: RawCounts;
  readonly rollups: RollupReader;
  readonly responses: ResponseList;
  readonly huddle: HuddleReads;
  /** Folds pending rollup deltas so the next read counts them. */
  fold(): Promise<number>;
}

/** An open database: repositories, the write queue, transactions, privacy and rollup maintenance. */
export interface Database extends Repositories {
  /** The engine: `sqlite` or `postgres`. */
  readonly engine: Dialect['name'];
  /** The schema version after migrating. */
  readonly schemaVersion: number;
  readonly analytics: AnalyticsReads;
  /** Upserts a response through the group-commit queue; resolves after the commit. */
  ingestResponse(input: ResponseInput, now?: number): Promise<IngestStatus>;
  /** Records a prompt event through the group-commit queue. */
  ingestEvent(input: EventInput, now?: number): Promise<IngestStatus>;
  /** Runs a job through the group-commit queue (atomic on its own; it may run again if its batch is replayed). */
  write<T>(job: WriteJob<T>): Promise<T>;
  /** Runs `work` in one transaction of its own (rollup deltas of its writes included). */
  transaction<T>(work: (tx: TransactionRepositories) => Promise<T>): Promise<T>;
  /** Erases everything about one respondent and wipes it from the file. */
  eraseRespondent(who: RespondentKey): Promise<ErasureReport>;
  /** Purges comments and personal data older than `retentionDays`. */
  purgeExpired(retentionDays: number, now: number): Promise<PurgeReport>;
  /** Recomputes every rollup row from the raw rows. */
  rebuildRollups(onProgress?: (rowsRead: number) => void): Promise<{ responses: number; events: number; rollupRows: number }>;
  /** True when the database answers. */
  ping(): Promise<boolean>;
  /** Jobs waiting for the next commit. */
  readonly pendingWrites: number;
  /**
   * Null when writes work: the last write batch committed. After one failed for a storage reason, the failure
   * stands until a batch commits; when no batch came for a while, a harmless write is tried instead (at most every
   * few seconds), so an idle collector recovers by itself once space returns. A damaged file needs a real write.
   */
  writeHealth(): Promise<WriteFailure | null>;
  /** Writes everything queued, folds the rollups and closes. */
  close(): Promise<void>;
}

/** Opens the engine a location names (a `postgres://` URL, else a SQLite file) and migrates it. */
export async function openDialect(location: string, options: Omit<DatabaseOptions, 'path'> = {}): Promise<Dialect> {
  checkDatabaseLocation(location);
  return isPostgresUrl(location)
    ? openPostgresDialect({ url: location, onIdleError: options.onConnectionError })
    : openSqliteDialect({ path: location, sync: options.sync, backgroundCheckpoints: options.backgroundCheckpoints, onCheckpointerError: options.onCheckpointerError });
}

/** Opens the database (migrating it) and builds the data layer on it. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  const dialect = await openDialect(options.path, options);
  const cacheTtlMs = SHARED_CACHE_TTL_MS[dialect.name];
  const shared: SharedParts = {
    dialect, templates: compileTemplates(dialect.db, dialect.sql), surveyCache: new SurveyCache(), loopSettingsCache: new LoopSettingsCache(cacheTtlMs),
    subscriberCache: new SubscriberCache(cacheTtlMs), ingestHooks: options.ingestHooks ?? [], keyLastUsed: new Map(),
    defersNewLoops: DEFER_NEW_LOOPS[dialect.name], aheadInserts: INSERT_NEW_RESPONSES_AHEAD[dialect.name],
  };
  const inTransaction = <T>(work: (context: TransactionContext) => Promise<T>, open = dialect.transaction) => open(async (executor) => {
    const context = new TransactionContext(executor, shared);
    const result = await work(context);
    await context.finish();
    return result;
  });
  const queue = createWriteQueue((work) => inTransaction(work), {
    extraTurns: EXTRA_TURNS[dialect.name], ...options, retryable: (error) => dialect.isTransient(error), concurrentBatches: BATCHES_IN_FLIGHT[dialect.name],
  });
  const fold = () => foldPendingDeltas(dialect, shared.templates.rollups);
  // The timer's fold in flight, so closing waits for it rather than closing the connection under it.
  let timerFold: Promise<unknown> = Promise.resolve();
  const foldTimer = options.foldIntervalMs === 0 ? null : setInterval(() => {
    timerFold = fold().catch(() => 0);
  }, options.foldIntervalMs ?? 1000);
  foldTimer?.unref();
  const erasing = {
    erasingTransaction: <T>(work: (tx: TransactionRepositories) => Promise<T>) =>
      inTransaction((context) => work(context.repositories), (run) => dialect.erasingTransaction(run)),
    flushErasure: () => dialect.flushErasure(),
  };
  let closed = false;
  let lastProbe = 0;
  // Real traffic tells best (a small probe can fit where answers do not): probe only when the writes went quiet.
  const PROBE_WHEN_IDLE_MS = 5000;
  // A write that changes nothing a reader sees but still has to reach the disk (SQLite and PostgreSQL both write the row).
  const probeWrite = () => dialect.transaction(async (tx) => {
    await tx.db.updateTable('schema_migrations').set((eb) => ({ version: eb.ref('version') })).where('version', '=', dialect.schemaVersion).execute();
  });

  return {
    ...rootRepositories(dialect.root, shared),
    engine: dialect.name,
    schemaVersion: dialect.schemaVersion,
    analytics: {
      raw: new RawCounts(dialect.db, dialect.sql),
      rollups: new RollupReader(dialect.root, dialect.sql),
      responses: new ResponseList(dialect.db, dialect.sql),
      huddle: new HuddleReads(dialect.db),
      fold,
    },
    ingestResponse(input, now = Date.now()) {
      const values = newRowValues(input, now);
      return queue.run((tx) => tx.responses.ingest(input, now, values), values);
    },
    ingestEvent: (input, now = Date.now()) => queue.run((tx) => tx.events.ingest(input, now)),
    write: (job) => queue.run(job),
    transaction: (work) => inTransaction((context) => work(context.repositories)),
    eraseRespondent: (who) => eraseRespondent(erasing, who),
    purgeExpired: (retentionDays, now) => purgeExpired(erasing, retentionDays, now),
    async rebuildRollups(onProgress) {
      const counts = await rebuildRollups(dialect, shared.templates.rollups.upsert, onProgress);
      return { ...counts, rollupRows: await countRollupRows(dialect) };
    },
    ping: () => (closed ? Promise.resolve(false) : dialect.ping()),
    get pendingWrites() {
      return queue.pending;
    },
    async writeHealth() {
      const failing = queue.failing;
      const now = Date.now();
      if (!failing || failing.kind === 'corrupt' || closed || now - Math.max(queue.lastBatchAt, lastProbe) < PROBE_WHEN_IDLE_MS) return failing;
      lastProbe = now;
      try {
        await probeWrite();
        queue.recovered();
        return null;
      } catch (error) {
        if (!storageFailure(error)) throw error;
        return queue.failing;
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await queue.flush();
      if (foldTimer) clearInterval(foldTimer);
      await timerFold;
      await fold();
      await dialect.close();
    },
  };
}

/** Where a database is, safe to print: the SQLite path, or the PostgreSQL URL without its password. */
export function describeDatabase(location: string): string {
  return isPostgresUrl(location) ? redactedUrl(location) : location;
}

/** Opens the database at `path` (a file or a PostgreSQL URL), runs `use`, and closes it whatever happens (one-shot CLI commands). */
export async function withDatabase<T>(path: string, use: (database: Database) => Promise<T>): Promise<T> {
  const database = await openDatabase({ path });
  try {
    return await use(database);
  } finally {
    await database.close();
  }
}
