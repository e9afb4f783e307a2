/** Runs the webhook dispatcher and the overdue-loop check alongside the server, stopping cleanly on close. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import type { WebhookDispatcher } from './webhook-dispatcher.ts';
import { notifyOverdue } from './webhook-hooks.ts';

/** Options of the worker. */
export interface WebhookWorkerOptions {
  database: Database;
  dispatcher: WebhookDispatcher;
  /** The clock, injectable for tests. */
  now?: () => number;
  /** How often due deliveries are polled, in ms (default 1000; 0 = never, for tests that drive the dispatcher). */
  pollMs?: number;
  /** How often open loops are checked against their SLA, in ms (default 60 000). */
  overdueCheckMs?: number;
}

/** Starts delivering when the app is ready; stops and waits for deliveries in flight when it closes. */
export async function webhookWorker(app: FastifyInstance, options: WebhookWorkerOptions): Promise<void> {
  const now = options.now ?? Date.now;
  const { dispatcher } = options;
  let overdueTimer: NodeJS.Timeout | null = null;
  let checking: Promise<unknown> = Promise.resolve();
  const checkOverdue = () => {
    checking = checking.then(() => notifyOverdue(options.database, now())).catch((error: unknown) => app.log.error({ err: error }, 'overdue loop check failed'));
    return checking;
  };
  if (options.pollMs === 0) return;
  app.addHook('onReady', async () => {
    dispatcher.start(options.pollMs ?? 1000);
    await checkOverdue();
    overdueTimer = setInterval(() => void checkOverdue(), options.overdueCheckMs ?? 60_000);
    overdueTimer.unref();
  });
  app.addHook('preClose', async () => {
    if (overdueTimer) clearInterval(overdueTimer);
    await Promise.all([dispatcher.stop(), checking]);
  });
}
