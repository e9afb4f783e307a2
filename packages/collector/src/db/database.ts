import type { Database } from 'better-sqlite3';
import { createResponseHooks } from '../webhooks/webhook-hooks.ts';
import { createAnalyticsStore, type AnalyticsStore } from '../analytics/analytics-store.ts';
import { createRollupMaintenance } from './rollups/rollup-maintenance.ts';
import type { EventBody, ResponseBody } from '../ingest/ingest-schemas.ts';
import type { Survey, SurveyCreate, SurveyPatch } from '../surveys/survey-schemas.ts';
import { createKeyStore, type ApiKey, type KeyScope } from './repositories/key-repository.ts';
import { startCheckpointer, type Checkpointer } from './sqlite/checkpointer.ts';
import { isFileDatabase, openDatabase, type SyncMode } from './sqlite/sqlite-connection.ts';
import { createIngestWrites, type IngestStatus } from './repositories/response-writer.ts';
import { createSurveyStore } from './repositories/survey-repository.ts';
import { createWriteQueue, type WriteQueueOptions } from './write-queue.ts';

/** Everything the routes need from storage; SQLite today, another database behind the same methods later. */
export interface Store {
  /** Upserts a response through the group-commit queue; resolves after the commit. */
  ingestResponse(body: ResponseBody, now?: number): Promise<IngestStatus>;
  /** Records a prompt event through the group-commit queue. */
  ingestEvent(body: EventBody, now?: number): Promise<IngestStatus>;
  getSurvey(id: string): Survey | undefined;
  listSurveys(): Survey[];
  /** Every allowed-origin pattern of the active surveys (cached briefly). */
  activeOriginPatterns(): string[];
  createSurvey(input: SurveyCreate): Survey;
  updateSurvey(id: string, patch: SurveyPatch): Survey | undefined;
  createKey(scope: KeyScope, name?: string | null): { secret: string; key: ApiKey };
  findKey(secret: string): ApiKey | undefined;
  /** Summary, trend, segments, compare, responses, themes and export; rollups are kept current by the write path. */
  readonly analytics: AnalyticsStore;
  /** True when the database answers. */
  ping(): boolean;
  /** Jobs waiting for the next commit. */
  readonly pendingWrites: number;
  /** Writes everything queued and closes the database. */
  close(): Promise<void>;
  /** The underlying handle, for tests and the CLI. */
  readonly db: Database;
}

/** Options for `createStore`. */
export interface StoreOptions extends WriteQueueOptions {
  sync?: SyncMode;
  /** Checkpoint the WAL from a background thread (the server does; one-shot CLI commands need not). */
  backgroundCheckpoints?: boolean;
  /** Wait before `loop.opened` webhooks are delivered, in ms (default 2 minutes). */
  loopOpenedDelayMs?: number;
}

/** With background checkpoints on, the main connection checkpoints only past this many WAL pages (a safety net). */
const SAFETY_NET_CHECKPOINT_PAGES = 20_000;

/** Opens the database file (migrating it) and builds the store on it. */
export function createStore(dbPath: string, options: StoreOptions = {}): Store {
  const db = openDatabase(dbPath, options.sync);
  let checkpointer: Checkpointer | null = null;
  if (options.backgroundCheckpoints && isFileDatabase(dbPath)) {
    db.pragma(`wal_autocheckpoint = ${SAFETY_NET_CHECKPOINT_PAGES}`);
    checkpointer = startCheckpointer(dbPath);
  }
  // Each batch commits its rollup deltas as one pending row; a timer and every analytics read fold them in.
  const rollups = createRollupMaintenance(db);
  const queue = createWriteQueue(db, { ...options, beforeCommit: () => rollups.flush() });
  const writes = createIngestWrites(db, rollups);
  const foldTimer = setInterval(() => {
    try {
      rollups.fold();
    } catch {
      // A busy database: the next tick or the next analytics read folds them.
    }
  }, 1000);
  foldTimer.unref();
  const surveys = createSurveyStore(db);
  const keys = createKeyStore(db);
  // Inside each ingest job: a detractor opens a loop and webhook deliveries are queued, in the same commit.
  const responseHooks = createResponseHooks(db, { loopOpenedDelayMs: options.loopOpenedDelayMs });
  const analytics = createAnalyticsStore(db, { beforeRead: () => rollups.fold() });
  const ping = db.prepare('SELECT 1 AS ok');
  let closed = false;

  return {
    ingestResponse: (body, now = Date.now()) => queue.run(() => {
      const status = writes.upsertResponse(body, now);
      responseHooks.afterResponseWrite(body, status, now);
      return status;
    }),
    ingestEvent: (body, now = Date.now()) => queue.run(() => writes.insertEvent(body, now)),
    getSurvey: (id) => surveys.getSurvey(id),
    listSurveys: () => surveys.listSurveys(),
    activeOriginPatterns: () => surveys.activeOriginPatterns(),
    createSurvey: (input) => surveys.createSurvey(input),
    updateSurvey: (id, patch) => surveys.updateSurvey(id, patch),
    createKey: (scope, name) => keys.createKey(scope, name),
    findKey: (secret) => keys.findKey(secret),
    analytics,
    ping: () => !closed && (ping.get() as { ok: number }).ok === 1,
    get pendingWrites() {
      return queue.pending;
    },
    async close() {
      if (closed) return;
      await queue.flush();
      clearInterval(foldTimer);
      rollups.fold();
      closed = true;
      await checkpointer?.stop();
      db.close();
    },
    db,
  };
}
