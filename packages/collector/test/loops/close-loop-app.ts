/** Test support for close-the-loop: a collector with a fake clock, no background webhook worker, and ingest at a given time. */
import type { FastifyInstance } from 'fastify';
import type { ResponseBody } from '../../src/ingest/ingest-schemas.ts';
import { asAdmin, createSurvey, testApp } from '../helpers.ts';

/** A clock the test moves by hand. */
export interface FakeClock {
  now: () => number;
  advanceHours(hours: number): void;
  set(iso: string): void;
}

/** A fake clock starting at the given instant. */
export function fakeClock(startIso = '2026-03-02T09:00:00Z'): FakeClock {
  let current = Date.parse(startIso);
  return {
    now: () => current,
    advanceHours: (hours) => void (current += hours * 3_600_000),
    set: (iso) => void (current = Date.parse(iso)),
  };
}

/** Options of `closeLoopApp`. */
export interface CloseLoopAppOptions {
  clock?: FakeClock;
  allowPrivateWebhooks?: boolean;
  loopOpenedDelayMs?: number;
  /** Reopen an existing database file (a restart). */
  dbPath?: string;
}

/** A collector on a real SQLite file with the `demo` survey; tests drive webhook deliveries themselves. */
export async function closeLoopApp(options: CloseLoopAppOptions = {}) {
  const clock = options.clock ?? fakeClock();
  const app = await testApp({
    dbPath: options.dbPath, now: clock.now, allowPrivateWebhooks: options.allowPrivateWebhooks,
    loopOpenedDelayMs: options.loopOpenedDelayMs, webhookPollMs: 0,
  });
  if (!(await app.db.surveys.get('demo'))) await createSurvey(app);
  return Object.assign(app, { clock });
}

/** Stores a response at the clock's time through the ingest write path (loop and webhook hooks included). */
export function ingestAt(app: FastifyInstance & { clock: FakeClock }, fields: Partial<ResponseBody> & { id: string }) {
  return app.db.ingestResponse({ surveyId: 'demo', score: 3, ...fields } as ResponseBody, app.clock.now());
}

/** An admin request with a JSON body. */
export function adminCall(app: FastifyInstance, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return app.inject({ method, url, headers: asAdmin, ...(payload === undefined ? {} : { payload: payload as object }) });
}
