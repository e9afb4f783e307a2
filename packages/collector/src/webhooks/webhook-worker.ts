/** Runs the webhook dispatcher and the overdue-loop check alongside the server, stopping cleanly on close. */
import type { FastifyInstance } from 'fastify';
import { createResponseHooks } from './webhook-hooks.ts';
import { createWebhookDispatcher, type DispatcherOptions } from './webhook-dispatcher.ts';

/** Options of the worker. */
export interface WebhookWorkerOptions extends DispatcherOptions {
  /** How often due deliveries are polled, in ms (default 1000; 0 = never, for tests that drive the dispatcher). */
  pollMs?: number;
  /** How often open loops are checked against their SLA, in ms (default 60 000). */
  overdueCheckMs?: number;
}

/** Starts delivering when the app is ready; stops and waits for deliveries in flight when it closes. */
export async function webhookWorker(app: FastifyInstance, options: WebhookWorkerOptions = {}): Promise<void> {
  const now = options.now ?? Date.now;
  const dispatcher = createWebhookDispatcher(app.store.db, options);
  const hooks = createResponseHooks(app.store.db);
  let overdueTimer: NodeJS.Timeout | null = null;
  const checkOverdue = () => {
    try {
      hooks.notifyOverdue(now());
    } catch (error) {
      app.log.error({ err: error }, 'overdue loop check failed');
    }
  };
  if (options.pollMs === 0) return;
  app.addHook('onReady', async () => {
    dispatcher.start(options.pollMs ?? 1000);
    checkOverdue();
    overdueTimer = setInterval(checkOverdue, options.overdueCheckMs ?? 60_000);
    overdueTimer.unref();
  });
  app.addHook('preClose', async () => {
    if (overdueTimer) clearInterval(overdueTimer);
    await dispatcher.stop();
  });
}
