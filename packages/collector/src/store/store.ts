import type { Database } from 'better-sqlite3';
import { createSummaryQuery, type Summary, type TimeRange } from '../analytics/summary.ts';
import type { EventBody, ResponseBody } from '../schemas/ingest.ts';
import type { Survey, SurveyCreate, SurveyPatch } from '../schemas/survey.ts';
import { createKeyStore, type ApiKey, type KeyScope } from './api-keys.ts';
import { startCheckpointer, type Checkpointer } from './checkpointer.ts';
import { isFileDatabase, openDatabase, type SyncMode } from './open-database.ts';
import { createIngestWrites, type IngestStatus } from './response-writes.ts';
import { createSurveyStore } from './surveys.ts';
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
  summary(surveyId: string, range?: TimeRange): Summary;
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
  const queue = createWriteQueue(db, options);
  const writes = createIngestWrites(db);
  const surveys = createSurveyStore(db);
  const keys = createKeyStore(db);
  const summary = createSummaryQuery(db);
  const ping = db.prepare('SELECT 1 AS ok');
  let closed = false;

  return {
    ingestResponse: (body, now = Date.now()) => queue.run(() => writes.upsertResponse(body, now)),
    ingestEvent: (body, now = Date.now()) => queue.run(() => writes.insertEvent(body, now)),
    getSurvey: (id) => surveys.getSurvey(id),
    listSurveys: () => surveys.listSurveys(),
    activeOriginPatterns: () => surveys.activeOriginPatterns(),
    createSurvey: (input) => surveys.createSurvey(input),
    updateSurvey: (id, patch) => surveys.updateSurvey(id, patch),
    createKey: (scope, name) => keys.createKey(scope, name),
    findKey: (secret) => keys.findKey(secret),
    summary,
    ping: () => !closed && (ping.get() as { ok: number }).ok === 1,
    get pendingWrites() {
      return queue.pending;
    },
    async close() {
      if (closed) return;
      await queue.flush();
      closed = true;
      await checkpointer?.stop();
      db.close();
    },
    db,
  };
}
