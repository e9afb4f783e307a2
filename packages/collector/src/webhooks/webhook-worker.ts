/** Runs the webhook dispatcher, the overdue-loop check and the huddle-digest schedule alongside the server, stopping cleanly on close. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import type { DigestScheduler } from './digest-scheduler.ts';
import type { WebhookDispatcher } from './webhook-dispatcher.ts';
import { notifyOverdue } from './webhook-hooks.ts';

/** Options of the worker. */
export interface WebhookWorkerOptions {
  database: Database;
  dispatcher: WebhookDispatcher;
  /** Queues the scheduled huddle digests that are due. */
  digests?: DigestScheduler;
  /** The clock, injectable for tests. */
  now?: () => number;
  /** How often due deliveries are polled, in ms (default 1000; 0 = never, for tests that drive the dispatcher). */
  pollMs?: number;
  /** How often open loops are checked against their SLA, in ms (default 60 000). */
  overdueCheckMs?: number;
  /** How often digest schedules are checked, in ms (default 30 000: a digest goes out within half a minute of its time). */
  digestCheckMs?: number;
}

/** Starts delivering when the app is ready; stops and waits for deliveries in flight when it closes. */
export async function webhookWorker(app: FastifyInstance, options: WebhookWorkerOptions): Promise<void> {
  const now = options.now ?? Date.now;
  const { dispatcher, digests } = options;
  const timers: NodeJS.Timeout[] = [];
  let checking: Promise<unknown> = Promise.resolve();
  // One check at a time, in order: a slow database never piles checks up.
  const check = (name: string, work: () => Promise<unknown>) => {
    checking = checking.then(work).catch((error: unknown) => app.log.error({ err: error }, `${name} failed`));
    return checking;
  };
  const checkOverdue = () => check('overdue loop check', () => notifyOverdue(options.database, now()));
  const checkDigests = () => check('huddle digest schedule', async () => digests && digests.runDue(now()));
  const every = (ms: number, run: () => unknown) => {
    const timer = setInterval(run, ms);
    timer.unref();
    timers.push(timer);
  };
  if (options.pollMs === 0) return;
  app.addHook('onReady', async () => {
    dispatcher.start(options.pollMs ?? 1000);
    await checkOverdue();
    await checkDigests();
    every(options.overdueCheckMs ?? 60_000, () => void checkOverdue());
    if (digests) every(options.digestCheckMs ?? 30_000, () => void checkDigests());
  });
  app.addHook('preClose', async () => {
    for (const timer of timers) clearInterval(timer);
    await Promise.all([dispatcher.stop(), checking]);
  });
}
