/** The retention sweeper: purges comments and personal data past the period in force, on start, hourly, and right after the period changes. */
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database.ts';
import type { RetentionPolicy } from './retention-policy.ts';

/** Options of the retention sweeper. */
export interface RetentionOptions {
  database: Pick<Database, 'purgeExpired'>;
  policy: Pick<RetentionPolicy, 'inForce' | 'onChange'>;
  /** How often to purge, in ms (default hourly). */
  intervalMs?: number;
  now?: () => number;
}

/** Purges on start and then periodically while the app runs, reading the period in force each time (nothing when there is none). */
export async function retentionSweeper(app: FastifyInstance, options: RetentionOptions): Promise<void> {
  const now = options.now ?? Date.now;
  let timer: NodeJS.Timeout | null = null;
  let ready = false;
  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = sweeping.then(async () => {
      const { retentionDays } = await options.policy.inForce();
      if (retentionDays === null) return;
      const report = await options.database.purgeExpired(retentionDays, now());
      if (!report.fileRewritten) app.log.warn(report, 'retention purge: the database file could not be rewritten; old copies of the purged data stay on disk until the next purge');
      else if (report.responses + report.links + report.invitations > 0) app.log.info(report, 'retention purge');
    }).catch((error: unknown) => app.log.error({ err: error }, 'retention purge failed'));
    return sweeping;
  };
  // A shorter period set from the dashboard applies at once, not at the next hourly sweep.
  options.policy.onChange(() => { if (ready) void sweep(); });
  app.addHook('onReady', async () => {
    ready = true;
    await sweep();
    timer = setInterval(() => void sweep(), options.intervalMs ?? 3_600_000);
    timer.unref();
  });
  app.addHook('preClose', async () => {
    ready = false;
    if (timer) clearInterval(timer);
    await sweeping;
  });
}
