/** Test support for close-the-loop: an app with the loop, webhook, action, privacy and huddle routes, a fake clock, and ingest at a given time. */
import type { Database } from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { actionRoutes } from '../../src/actions/action-routes.ts';
import { huddleRoutes } from '../../src/huddle/huddle-routes.ts';
import { privacyRoutes } from '../../src/privacy/privacy-routes.ts';
import { createResponseHooks } from '../../src/loops/response-hooks.ts';
import { ensureCloseTheLoopSchema } from '../../src/loops/loop-migrations.ts';
import { loopRoutes } from '../../src/loops/loop-routes.ts';
import { ANALYTICS_SCHEMA_SQL, ROLLUP_TABLE } from '../../src/rollups/rollup-schema.ts';
import type { ResponseBody } from '../../src/schemas/ingest.ts';
import { webhookRoutes } from '../../src/webhooks/webhook-routes.ts';
import { asAdmin, createSurvey, testApp } from '../helpers.ts';

/** Installs the analytics tables (rollups, comment index) when the main migrations do not yet. */
function ensureAnalyticsSchema(db: Database): void {
  if (db.prepare('SELECT COUNT(*) FROM sqlite_master WHERE name = ?').pluck().get(ROLLUP_TABLE) === 0) db.exec(ANALYTICS_SCHEMA_SQL);
}

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

const hooksByApp = new WeakMap<FastifyInstance, ReturnType<typeof createResponseHooks>>();
const integrated = new WeakSet<FastifyInstance>();

/** A collector with the close-the-loop routes on a real SQLite file and the `demo` survey. */
export async function closeLoopApp(options: CloseLoopAppOptions = {}) {
  const clock = options.clock ?? fakeClock();
  const app = await testApp({ dbPath: options.dbPath, now: clock.now, allowPrivateWebhooks: options.allowPrivateWebhooks, loopOpenedDelayMs: options.loopOpenedDelayMs, webhookPollMs: 0 } as object);
  ensureAnalyticsSchema(app.store.db);
  ensureCloseTheLoopSchema(app.store.db);
  // Before buildApp registered these routes (and ran the ingest hooks) the helper did both itself.
  if (app.hasRoute({ method: 'GET', url: '/v1/loops' })) integrated.add(app);
  else {
    await app.register(loopRoutes, { now: clock.now });
    await app.register(webhookRoutes, { now: clock.now, allowPrivate: options.allowPrivateWebhooks });
    await app.register(actionRoutes, { now: clock.now });
    await app.register(privacyRoutes);
    await app.register(huddleRoutes, { now: clock.now });
  }
  hooksByApp.set(app, createResponseHooks(app.store.db, { loopOpenedDelayMs: options.loopOpenedDelayMs }));
  if (!app.store.getSurvey('demo')) await createSurvey(app);
  return Object.assign(app, { clock });
}

/** Stores a response at the clock's time, as ingest does, loop and webhook hooks included. */
export async function ingestAt(app: FastifyInstance & { clock: FakeClock }, fields: Partial<ResponseBody> & { id: string }) {
  const body = { surveyId: 'demo', score: 3, ...fields } as ResponseBody;
  const status = await app.store.ingestResponse(body, app.clock.now());
  if (!integrated.has(app)) hooksByApp.get(app)!.afterResponseWrite(body.id, status, app.clock.now());
  return status;
}

/** An admin request with a JSON body. */
export function adminCall(app: FastifyInstance, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) {
  return app.inject({ method, url, headers: asAdmin, ...(payload === undefined ? {} : { payload: payload as object }) });
}
